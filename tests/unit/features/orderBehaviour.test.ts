import { describe, expect, test } from "vitest";
import { createEmptyCustomer, type OrderRecord } from "@/lib/data/customer";
import { fitOrderFeatures, buildOrderFeatureTable, scaleOrderFeatures } from "@/lib/ml/features/orderBehaviour";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const line = (customerId: string, date: string, amount: number, extra: Partial<OrderRecord> = {}): OrderRecord => ({
  customerId,
  orderDate: day(date),
  amount,
  orderId: null,
  quantity: null,
  category: null,
  channel: null,
  ...extra,
});

// A bought twice (two lines in order 1, one in order 2) and returned part of order 1; B bought once and cancelled an order.
const orders: OrderRecord[] = [
  line("A", "2024-01-01", 100, { orderId: "1", quantity: 2, category: "Bikes", channel: "Web" }),
  line("A", "2024-01-01", 50, { orderId: "1", quantity: 1, category: "Helmets", channel: "Web" }),
  line("A", "2024-01-11", 150, { orderId: "2", quantity: 3, category: "Bikes", channel: "Shop" }),
  line("A", "2024-01-15", -30, { orderId: "C9", quantity: -1, category: "Helmets", channel: "Web" }),
  line("B", "2024-01-21", 80, { orderId: "3", quantity: 1, category: "Helmets", channel: "Shop" }),
  line("B", "2024-01-25", 40, { orderId: "4", quantity: 1, category: "Bikes", channel: "Shop", kind: "cancelled" }),
  line("A", "2024-03-01", 999, { orderId: "5", quantity: 1, category: "Bikes", channel: "Web" }),
];
const customers = ["A", "B", "C"].map(createEmptyCustomer);
const snapshot = day("2024-01-31");

describe("order-line features", () => {
  const { pipeline, table } = fitOrderFeatures(customers, orders, snapshot);
  const value = (name: string, row: number) => table.columns[name][row];

  test("take the data's own categories and channels, and only the facts the lines carry", () => {
    expect(pipeline.categories).toEqual(["Bikes", "Helmets"]);
    expect(pipeline.channels).toEqual(["Shop", "Web"]);
    expect(pipeline.features).toEqual([
      "recency",
      "totalPurchases",
      "totalSpend",
      "tenureDays",
      "avgOrderValue",
      "daysBetweenPurchases",
      "unitsBought",
      "returnShare",
      "cancelledShare",
      "category:Bikes",
      "category:Helmets",
      "channel:Shop",
      "channel:Web",
    ]);
    expect(pipeline.rows).toBe(2);
  });

  test("net returns, leave cancelled orders and lines after the snapshot out, and count purchases by order", () => {
    // A: orders 1 and 2 (the line of 1 March is after the snapshot), gross 300, 30 returned.
    expect(value("recency", 0)).toBe(20);
    expect(value("tenureDays", 0)).toBe(30);
    expect(value("totalPurchases", 0)).toBe(2);
    expect(value("totalSpend", 0)).toBe(270);
    expect(value("avgOrderValue", 0)).toBe(135);
    expect(value("daysBetweenPurchases", 0)).toBe(10);
    expect(value("unitsBought", 0)).toBe(5);
    expect(value("returnShare", 0)).toBeCloseTo(0.1, 12);
    expect(value("cancelledShare", 0)).toBe(0);
    expect(value("category:Bikes", 0)).toBeCloseTo(250 / 300, 12);
    expect(value("category:Helmets", 0)).toBeCloseTo(50 / 300, 12);
    expect(value("channel:Web", 0)).toBe(0.5);
    expect(value("channel:Shop", 0)).toBe(0.5);
    // B: one purchase of 80, and a cancelled order of 40.
    expect(value("totalPurchases", 1)).toBe(1);
    expect(value("totalSpend", 1)).toBe(80);
    expect(value("cancelledShare", 1)).toBeCloseTo(40 / 120, 12);
    expect(value("category:Helmets", 1)).toBe(1);
  });

  test("a one-time buyer has no gap between purchases, and a customer without orders has no features at all", () => {
    expect(Number.isNaN(value("daysBetweenPurchases", 1))).toBe(true);
    for (const name of pipeline.features) expect(Number.isNaN(value(name, 2))).toBe(true);
    expect(Array.from(table.hasOrders)).toEqual([1, 1, 0]);
  });

  test("scaling imputes the training median for clustering only, and the table of new customers uses the fitted vocabulary", () => {
    const matrix = scaleOrderFeatures(pipeline, table);
    const d = pipeline.features.length;
    // Customer C is all medians: every scaled value is finite.
    expect(Array.from(matrix.subarray(2 * d, 3 * d)).every(Number.isFinite)).toBe(true);
    const again = buildOrderFeatureTable(pipeline, [createEmptyCustomer("B")], [line("B", "2024-01-30", 10, { category: "Gloves", channel: "Phone" })]);
    // An unseen category is pooled with nothing named: no share of Bikes or Helmets; an unseen channel likewise.
    expect(again.columns["category:Bikes"][0]).toBe(0);
    expect(again.columns["channel:Web"][0]).toBe(0);
  });
});

describe("order-line vocabulary", () => {
  test("pools categories beyond the top five by revenue into 'other categories'", () => {
    const many = ["A", "B", "C", "D", "E", "F", "G"].map((category, i) => line("X", "2024-01-02", 100 - i, { category }));
    const { pipeline } = fitOrderFeatures([createEmptyCustomer("X")], many, snapshot);
    expect(pipeline.categories).toEqual(["A", "B", "C", "D", "E", "other categories"]);
  });

  test("a single category or channel makes no share feature: it says nothing about anyone", () => {
    const one = [line("X", "2024-01-02", 10, { category: "Only", channel: "Web" }), line("Y", "2024-01-03", 20, { category: "Only", channel: "Web" })];
    const { pipeline } = fitOrderFeatures(["X", "Y"].map(createEmptyCustomer), one, snapshot);
    expect(pipeline.features.some((name) => name.startsWith("category:") || name.startsWith("channel:"))).toBe(false);
    expect(pipeline.features).not.toContain("returnShare");
    expect(pipeline.features).not.toContain("unitsBought");
  });

  test("weighs only the lines of the customers being fitted", () => {
    // Z is not among the customers: its large Gloves spend would otherwise put Gloves among the top five.
    const lines = [
      ...["A", "B", "C", "D", "E", "F"].map((category, i) => line("X", "2024-01-02", 100 - i, { category })),
      line("Z", "2024-01-02", 5_000, { category: "Gloves" }),
    ];
    const { pipeline } = fitOrderFeatures([createEmptyCustomer("X")], lines, snapshot);
    expect(pipeline.categories).toEqual(["A", "B", "C", "D", "E", "other categories"]);
    expect(pipeline.rows).toBe(1);
  });
});
