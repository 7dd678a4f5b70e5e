import { describe, expect, test } from "vitest";
import { classifyOrderLine, createEmptyCustomer, type OrderRecord } from "@/lib/data/customer";
import { CANCELLED, kindCode, OrderTable, RETURN, SALE } from "@/lib/data/orderTable";
import { generateOrderBusiness } from "@/lib/data/syntheticBusiness";
import { fitOrderFeatures } from "@/lib/ml/features/orderBehaviour";
import { backtestClv } from "@/lib/ml/train/clvBacktest";
import { computeHistoricalClv, summariseOrders } from "@/lib/ml/train/clvStage";
import { inferSnapshotDate } from "@/lib/ml/train/snapshot";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const LINES: OrderRecord[] = [
  { customerId: "a", orderDate: day("2024-01-02"), amount: 30, orderId: "S1", quantity: 2, category: "Tea", channel: "web", kind: "sale" },
  { customerId: "a", orderDate: day("2024-01-02"), amount: 5.5, orderId: "S1", quantity: null, category: null, channel: "web", kind: "sale" },
  { customerId: "b", orderDate: day("2024-02-10"), amount: -12, orderId: null, quantity: -1, category: "Tea", channel: null, kind: "return" },
  { customerId: "a", orderDate: day("2024-03-01"), amount: 40, orderId: "S1", quantity: 1, category: "Cups", channel: "store", kind: "cancelled" },
  // No stored kind: read from its signs, as a record without one is.
  { customerId: "c", orderDate: day("2024-03-05"), amount: -3, orderId: "S9", quantity: 1, category: "Cups", channel: "store" },
];

describe("OrderTable", () => {
  test("gives back every line as it was pushed, nulls, kinds and repeated order ids included", () => {
    const table = OrderTable.from(LINES);
    expect(table.length).toBe(5);
    expect([...table]).toStrictEqual(LINES);
    expect(table.at(4)).toStrictEqual(LINES[4]);
    // An order id that comes back after another order is still the same id.
    expect(table.at(3).orderId).toBe("S1");
  });

  test("its columns hold each line's kind, decided from the signs where none was given, and its customer's index", () => {
    const columns = OrderTable.from(LINES).columns();
    expect([...columns.kind]).toEqual([SALE, SALE, RETURN, CANCELLED, RETURN]);
    expect([...columns.customer].map((c) => columns.customerIds[c])).toEqual(["a", "a", "b", "a", "c"]);
    expect([...columns.quantity]).toEqual([2, NaN, -1, 1, 1]);
    expect([0, 1, 2, 3, 4].map(columns.orderIdAt)).toEqual(["S1", "S1", null, "S1", "S9"]);
  });

  test.each<[number, number | null]>([
    [10, 1],
    [10, null],
    [0, 0],
    [-10, 1],
    [10, -1],
    [-10, null],
  ])("a line of amount %s and quantity %s with no kind gets the kind classifyOrderLine gives it", (amount, quantity) => {
    const record: OrderRecord = { ...LINES[4], amount, quantity };
    const table = OrderTable.from([record]);
    expect(table.columns().kind[0]).toBe(kindCode(classifyOrderLine(record)));
  });

  test("keeps a plainly numeric order id as a number, any other as a hash above them all, and gives back the very text of every id", () => {
    const ids = ["1042", "0", "01042", "1e3", "999999999999999", "9999999999999999", "C77", "1042", "Bestellung-ä€😀", "C77", "\uFEFFB1"];
    const table = OrderTable.from(ids.map((orderId, i) => ({ ...LINES[0], orderId, amount: i })));
    expect([...table].map((line) => line.orderId)).toEqual(ids);
    const { orderKeyAt } = table.columns();
    const keys = ids.map((_, line) => orderKeyAt(line)!);
    expect([keys[0], keys[1], keys[4], keys[7]]).toEqual([1042, 0, 999999999999999, 1042]);
    const hashed = [2, 3, 5, 6, 8, 10].map((line) => keys[line]);
    for (const key of hashed) expect(key >= 2 ** 52 && key < 2 ** 53 && Number.isInteger(key)).toBe(true);
    // Distinct ids, distinct keys; the same id after another order, the same key.
    expect(new Set(hashed).size).toBe(hashed.length);
    expect(keys[9]).toBe(keys[6]);
    expect(
      OrderTable.from([{ ...LINES[0], orderId: null }])
        .columns()
        .orderKeyAt(0),
    ).toBeNull();
  });

  test("grows past its capacity without losing lines", () => {
    const table = new OrderTable(["x", "y"], 2);
    for (let i = 0; i < 5000; i++) table.push(i % 2, i * 1000, i, i % 3 === 0 ? null : i, `O${i >> 1}`, `c${i % 7}`, "web", i % 10 === 0 ? "return" : "sale");
    expect(table.length).toBe(5000);
    expect(table.at(4999)).toStrictEqual({
      customerId: "y",
      orderDate: new Date(4_999_000),
      amount: 4999,
      orderId: "O2499",
      quantity: 4999,
      category: "c1",
      channel: "web",
      kind: "sale",
    });
    expect(table.at(3000)).toMatchObject({ customerId: "x", quantity: null, kind: "return", orderId: "O1500" });
  });

  test("refuses a line outside it and a kind it does not know", () => {
    const table = OrderTable.from(LINES);
    expect(() => table.at(5)).toThrow("order line 5 is outside the table's 5 lines");
    expect(() => table.at(-1)).toThrow(RangeError);
    expect(() => table.push(0, 0, 1, null, null, null, null, "refund" as never)).toThrow('unknown order line kind "refund"');
  });
});

describe("the models read a table exactly as they read the array", () => {
  const { orders } = generateOrderBusiness({ customers: 300, seed: 5 });
  const table = OrderTable.from(orders);
  const customers = [...new Set(orders.map((order) => order.customerId))].map(createEmptyCustomer);
  const snapshotDate = inferSnapshotDate(customers, orders);

  test("snapshot date, CLV summary, historical value and backtest", () => {
    expect(inferSnapshotDate(customers, table)).toEqual(snapshotDate);
    const summary = summariseOrders(orders, snapshotDate)!;
    expect(summary.customerIds.length).toBeGreaterThan(250);
    expect(summariseOrders(table, snapshotDate)).toStrictEqual(summary);
    expect(computeHistoricalClv(customers, table, snapshotDate, 0.3)).toStrictEqual(computeHistoricalClv(customers, orders, snapshotDate, 0.3));
    expect(backtestClv(table, snapshotDate, { seed: 2 })).toStrictEqual(backtestClv(orders, snapshotDate, { seed: 2 }));
  });

  test("order features", () => {
    const fromArray = fitOrderFeatures(customers, orders, snapshotDate);
    expect(fromArray.pipeline.features).toContain("returnShare");
    expect(fitOrderFeatures(customers, table, snapshotDate)).toStrictEqual(fromArray);
  });
});
