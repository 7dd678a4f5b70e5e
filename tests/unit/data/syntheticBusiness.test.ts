import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { classifyOrderLine, type OrderRecord } from "@/lib/data/customer";
import { BUSINESS_SNAPSHOT_DATE, generateOrderBusiness } from "@/lib/data/syntheticBusiness";
import { BUSINESS_CSV_HEADER, writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { BUSINESS_CATEGORIES, BUSINESS_CHANNELS, BUSINESS_CUSTOMER_TYPES } from "@/lib/data/syntheticBusinessTypes";
import { parseGenerateFlags } from "@/lib/cli/generate";
import { groupBy } from "@/tests/support/groupBy";

const business = generateOrderBusiness({ customers: 3_000, seed: 7 });
const { orders } = business;
const byCustomer = groupBy(orders, (line) => line.customerId);
const DAY_MS = 86_400_000;

describe("generateOrderBusiness", () => {
  test("the same seed gives the same lines, another seed other lines", () => {
    expect(generateOrderBusiness({ customers: 200, seed: 7 }).orders).toEqual(orders.filter((line) => idIndex(line) < 200));
    expect(generateOrderBusiness({ customers: 200, seed: 8 }).orders).not.toEqual(orders.filter((line) => idIndex(line) < 200));
  });

  test("has exactly the customers asked for, ids B00001 upwards, about twenty lines each", () => {
    expect([...byCustomer.keys()]).toEqual(Array.from({ length: 3_000 }, (_, i) => `B${String(i + 1).padStart(5, "0")}`));
    expect(business.types).toHaveLength(3_000);
    expect(orders.length / 3_000).toBeGreaterThan(12);
    expect(orders.length / 3_000).toBeLessThan(28);
  });

  test("categories and channels are the business's own", () => {
    expect(business.categories).toEqual(["Classic Cars", "Vintage Cars", "Motorcycles", "Trucks and Buses", "Planes", "Ships", "Trains"]);
    expect(business.channels).toEqual(["Online", "Phone", "Trade show", "Sales rep"]);
    expect(new Set(orders.map((line) => line.category))).toEqual(new Set(BUSINESS_CATEGORIES));
    expect(new Set(orders.map((line) => line.channel))).toEqual(new Set(BUSINESS_CHANNELS));
  });

  test("sales are positive, returns are negative credit notes, cancelled lines keep their positive amount", () => {
    const odd = orders.filter((line) => {
      const kind = classifyOrderLine(line);
      if (kind === "return") return !(line.amount < 0 && line.quantity! < 0 && line.orderId!.startsWith("C"));
      return !(line.amount > 0 && line.quantity! > 0 && /^\d+$/.test(line.orderId!));
    });
    expect(odd).toEqual([]);
    const share = (kind: string) => orders.filter((line) => line.kind === kind).length / orders.length;
    expect(share("return")).toBeGreaterThan(0.01);
    expect(share("return")).toBeLessThan(0.05);
    expect(share("cancelled")).toBeGreaterThan(0.01);
    expect(share("cancelled")).toBeLessThan(0.06);
  });

  test("a return gives back part of a product the customer bought before, at its price", () => {
    const unmatched = orders.filter((line) => {
      if (line.kind !== "return") return false;
      const unitPrice = line.amount / line.quantity!;
      return !byCustomer
        .get(line.customerId)!
        .some(
          (sale) =>
            sale.kind === "sale" &&
            sale.category === line.category &&
            sale.orderDate < line.orderDate &&
            sale.quantity! >= -line.quantity! &&
            Math.abs(sale.amount / sale.quantity! - unitPrice) < 1e-9,
        );
    });
    expect(unmatched).toEqual([]);
  });

  test("spans over two years up to the snapshot, with a day above 12 and one-time and churned customers", () => {
    const days = orders.map((line) => line.orderDate.getTime());
    expect(Math.max(...days)).toBeLessThanOrEqual(BUSINESS_SNAPSHOT_DATE.getTime());
    expect((Math.max(...days) - Math.min(...days)) / DAY_MS).toBeGreaterThan(730);
    expect(generateOrderBusiness({ customers: 1, seed: 3 }).orders[0].orderDate.getUTCDate()).toBeGreaterThan(12);
    const histories = [...byCustomer.values()].map((lines) => lines.filter((line) => line.kind !== "return"));
    const oneTime = histories.filter((lines) => new Set(lines.map((line) => line.orderId)).size === 1).length;
    const silent = histories.filter((lines) => BUSINESS_SNAPSHOT_DATE.getTime() - lines.at(-1)!.orderDate.getTime() > 365 * DAY_MS).length;
    expect(oneTime / 3_000).toBeGreaterThan(0.05);
    expect(silent / 3_000).toBeGreaterThan(0.1);
  });

  test("the latent types differ in category mix, channel, order size and frequency", () => {
    const profile = (type: number) => {
      const lines = [...byCustomer.values()]
        .filter((_, i) => business.types[i] === type)
        .flat()
        .filter((l) => l.kind === "sale");
      const share = (pick: (line: OrderRecord) => boolean) => lines.filter(pick).length / lines.length;
      return {
        cars: share((l) => l.category === "Classic Cars" || l.category === "Vintage Cars"),
        transport: share((l) => l.category === "Ships" || l.category === "Trains" || l.category === "Planes"),
        salesRep: share((l) => l.channel === "Sales rep"),
        meanQuantity: lines.reduce((sum, l) => sum + l.quantity!, 0) / lines.length,
      };
    };
    const [boutiques, wholesalers, museums] = [0, 1, 2].map(profile);
    expect(BUSINESS_CUSTOMER_TYPES.map((type) => type.name).slice(0, 3)).toEqual(["Collector boutiques", "Toy wholesalers", "Transport museum shops"]);
    expect(boutiques.cars).toBeGreaterThan(0.7);
    expect(museums.transport).toBeGreaterThan(0.7);
    expect(wholesalers.salesRep).toBeGreaterThan(0.6);
    expect(wholesalers.meanQuantity).toBeGreaterThan(4 * boutiques.meanQuantity);
  });

  test("refuses a negative customer count", () => {
    expect(() => generateOrderBusiness({ customers: -1, seed: 1 })).toThrow(/customers/);
  });
});

describe("writeOrderBusinessCsv", () => {
  test("writes the exact header and one line per in-memory line, amount = quantity × unit price", async () => {
    const { text, summary } = await csvOf(500, 7);
    const [header, ...lines] = text.trimEnd().split("\n");
    expect(header).toBe(BUSINESS_CSV_HEADER);
    expect(header).toBe("order_id,line,customer_id,order_date,quantity,unit_price,category,channel,status");
    const expected = generateOrderBusiness({ customers: 500, seed: 7 }).orders;
    expect(lines).toHaveLength(expected.length);
    const mismatched = lines.filter((text, i) => {
      const [orderId, , customerId, date, quantity, unitPrice, category, channel, status] = text.split(",");
      const line = expected[i];
      const [m, d, rest] = date.split("/");
      const [y, time] = rest.split(" ");
      return (
        orderId !== line.orderId ||
        customerId !== line.customerId ||
        Date.UTC(+y, +m - 1, +d) !== line.orderDate.getTime() ||
        time !== "0:00" ||
        Math.round(Number(quantity) * Number(unitPrice) * 100) / 100 !== line.amount ||
        category !== line.category ||
        channel !== line.channel ||
        status !== (line.kind === "cancelled" ? "Cancelled" : "Shipped")
      );
    });
    expect(mismatched).toEqual([]);
    expect(summary.returnLines).toBe(expected.filter((line) => line.kind === "return").length);
    expect(summary.cancelledLines).toBe(expected.filter((line) => line.kind === "cancelled").length);
  });

  test("streams 20,000 customers to as many lines as the in-memory generator makes", async () => {
    const { text, summary } = await csvOf(20_000, 11);
    const expected = generateOrderBusiness({ customers: 20_000, seed: 11 }).orders.length;
    expect(summary).toMatchObject({ customers: 20_000, lines: expected });
    let newlines = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines++;
    expect(newlines).toBe(expected + 1);
  });
});

describe("npm run generate flags", () => {
  test.each([
    [
      ["--business", "orders", "--customers", "100", "--out", "o.csv"],
      { mode: "business", flags: { business: "orders", customers: 100, out: "o.csv", seed: 42 } },
    ],
    [["--rows", "10", "--out", "c.csv", "--seed", "7"], { mode: "marketing", flags: { rows: 10, out: "c.csv", seed: 7 } }],
    [["--orders-for", "p.csv", "--out", "o.csv"], { mode: "ordersFor", flags: { ordersFor: "p.csv", out: "o.csv", seed: 42, share: 0.5 } }],
    [["--orders-for", "p.csv", "--out", "o.csv", "--share", "0.25"], { mode: "ordersFor", flags: { ordersFor: "p.csv", out: "o.csv", seed: 42, share: 0.25 } }],
  ])("%j parses", (argv, expected) => {
    expect(parseGenerateFlags(argv)).toEqual(expected);
  });

  test.each([
    [["--business", "orders", "--out", "o.csv"], "--customers N is required with --business orders"],
    [["--business", "shops", "--customers", "5", "--out", "o.csv"], '--business must be "orders"'],
    [["--business", "orders", "--customers", "5", "--rows", "5", "--out", "o.csv"], "--rows does not go with --business orders"],
    [["--rows", "5", "--customers", "5", "--out", "o.csv"], "--customers is only for --business orders"],
    [["--business", "orders", "--customers", "1.5", "--out", "o.csv"], "--customers must be a whole number"],
    [["--orders-for", "p.csv", "--out", "o.csv", "--share", "0"], "--share must be above 0"],
    [["--orders-for", "p.csv", "--out", "o.csv", "--rows", "5"], "--rows does not go with --orders-for"],
  ])("%j is refused: %s", (argv, message) => {
    expect(() => parseGenerateFlags(argv)).toThrow(message);
  });
});

async function csvOf(customers: number, seed: number) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const summary = await writeOrderBusinessCsv({ customers, seed, out, chunkCustomers: 300 });
  return { text: chunks.join(""), summary };
}

function idIndex(line: OrderRecord): number {
  return Number(line.customerId.slice(1)) - 1;
}
