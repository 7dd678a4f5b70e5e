import { describe, expect, test } from "vitest";
import { SPEND_FIELDS, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import { generateCustomers } from "@/lib/data/synthetic";
import { ORDER_CATEGORIES, ORDER_CHANNELS, REFERENCE_DATE, generateOrders } from "@/lib/data/syntheticOrders";
import { groupBy } from "@/tests/support/groupBy";

const customers = generateCustomers({ seed: 21, count: 2000 });
const orders = generateOrders(customers, { seed: 21 });
const indexOfId = new Map(customers.map((c, i) => [c.externalId, i]));
const byCustomer = groupBy(orders, (order) => order.customerId);
const spend = (r: CustomerRecord) => SPEND_FIELDS.reduce((sum, field) => sum + (r[field] ?? 0), 0);
const total = (lines: OrderRecord[]) => lines.reduce((sum, line) => sum + line.amount, 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("generateOrders", () => {
  test("is a pure function of the seed and each customer, so chunks can be generated apart", () => {
    expect(generateOrders(customers.slice(0, 50), { seed: 21 })).toEqual(orders.filter((o) => byIndex(o) < 50));
    expect(generateOrders(customers.slice(0, 50), { seed: 22 })).not.toEqual(orders.filter((o) => byIndex(o) < 50));
  });

  test("every customer's first order is on the enrolment day and none is after the reference date", () => {
    const firstDates = customers.map((c) => byCustomer.get(c.externalId)![0].orderDate);
    expect(firstDates).toEqual(customers.map((c) => c.dtCustomer));
    expect(orders.filter((line) => line.orderDate > REFERENCE_DATE)).toEqual([]);
  });

  test("order lines carry known categories and channels, positive amounts and quantities", () => {
    const categories: readonly (string | null)[] = ORDER_CATEGORIES;
    const channels: readonly (string | null)[] = ORDER_CHANNELS;
    const odd = orders.filter(
      (line) => !categories.includes(line.category) || !channels.includes(line.channel) || !(line.amount > 0) || !(line.quantity! >= 1),
    );
    expect(odd).toEqual([]);
  });

  test("lines of one order share the date and channel and never repeat a category", () => {
    const byOrder = groupBy(orders, (line) => line.orderId!);
    const mixed = [...byOrder.values()].filter(
      (lines) => new Set(lines.map((l) => `${l.orderDate.getTime()} ${l.channel}`)).size !== 1 || new Set(lines.map((l) => l.category)).size !== lines.length,
    );
    expect(mixed).toEqual([]);
  });

  test("order totals follow each customer's spend", () => {
    const totals = customers.map((c) => total(byCustomer.get(c.externalId)!));
    const spends = customers.map(spend);
    const [mx, my] = [mean(spends), mean(totals)];
    const cov = mean(spends.map((s, i) => (s - mx) * (totals[i] - my)));
    const sd = (values: number[], m: number) => Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
    expect(cov / (sd(spends, mx) * sd(totals, my))).toBeGreaterThan(0.6);
    // Customers who stay match their spend in expectation; dropouts lower the average a little.
    expect(my / mx).toBeGreaterThan(0.6);
    expect(my / mx).toBeLessThan(1.1);
  });

  test("categories follow the customer's spend mix: big wine buyers buy mostly wine", () => {
    const wineLovers = customers.filter((c) => c.mntWines! > 0.7 * spend(c) && spend(c) > 300);
    const wineShare = wineLovers.map((c) => {
      const lines = byCustomer.get(c.externalId)!;
      return total(lines.filter((l) => l.category === "Wines")) / total(lines);
    });
    expect(mean(wineShare)).toBeGreaterThan(0.5);
  });

  test("some customers drop out long before the reference date, as BG/NBD expects", () => {
    const weeks = (ms: number) => ms / (7 * 86_400_000);
    const silent = customers.filter((c) => {
      const lines = byCustomer.get(c.externalId)!;
      const last = lines[lines.length - 1].orderDate.getTime();
      return weeks(REFERENCE_DATE.getTime() - last) > 26;
    });
    expect(silent.length / customers.length).toBeGreaterThan(0.1);
    expect(silent.length / customers.length).toBeLessThan(0.6);
  });

  test("a customer with no purchase counts still has the enrolment order", () => {
    const idle = { ...customers[0], numWebPurchases: 0, numCatalogPurchases: 0, numStorePurchases: 0 };
    for (const field of SPEND_FIELDS) idle[field] = 0;
    const lines = generateOrders([idle], { seed: 1 });
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0].orderDate).toEqual(idle.dtCustomer);
  });

  test("refuses a dropout chance outside (0, 1)", () => {
    expect(() => generateOrders(customers, { seed: 1, meanDropout: 1 })).toThrow(/meanDropout/);
  });
});

function byIndex(order: OrderRecord): number {
  return indexOfId.get(order.customerId)!;
}
