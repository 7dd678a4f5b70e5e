import { describe, expect, test } from "vitest";
import { createEmptyCustomer, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import { computeSegmentDistributions } from "@/lib/runs/segmentDistributions";

function order(
  customerId: string,
  amount: number,
  category: string | null,
  channel: string | null,
  orderId: string | null,
  kind?: OrderRecord["kind"],
): OrderRecord {
  return { customerId, orderDate: new Date("2014-01-01T00:00:00Z"), amount, orderId, quantity: 1, category, channel, ...(kind ? { kind } : {}) };
}

// o1 and o2 are known from order lines, p1 from its profile only, e1 from nothing at all.
const customers: CustomerRecord[] = [
  createEmptyCustomer("o1"),
  createEmptyCustomer("o2"),
  { ...createEmptyCustomer("p1"), mntWines: 60, numWebPurchases: 1, numStorePurchases: 3 },
  createEmptyCustomer("e1"),
];
const orders: OrderRecord[] = [
  order("o1", 100, "Books", "Online", "1"),
  order("o1", 50, "Games", "Online", "1"),
  // A return (negative amount) nets against spend and is no purchase; a cancelled order is neither.
  order("o1", -20, "Books", "Online", "2"),
  order("o1", 30, "Toys", "Store", "3", "cancelled"),
  order("o2", 40, "Games", "Store", "4"),
  order("o2", 10, null, null, null),
];

describe("computeSegmentDistributions with order lines", () => {
  const bySegment = computeSegmentDistributions(customers, [1, 2, 2, 3], [1, 2, 3], 2014, orders);

  test("spend by category uses the order lines' own categories, largest first, then the profile fields customers without orders have", () => {
    expect(bySegment.get(1)!.spendByCategory).toEqual([
      { category: "Games", average: 50 },
      { category: "Books", average: 80 },
      { category: "Uncategorised", average: 0 },
      { category: "Wines", average: null },
    ]);
    expect(bySegment.get(2)!.spendByCategory).toEqual([
      { category: "Games", average: 40 },
      { category: "Books", average: 0 },
      { category: "Uncategorised", average: 10 },
      { category: "Wines", average: 60 },
    ]);
  });

  test("channel mix counts distinct orders per order-line channel, and purchase counts for customers without orders on the bar of the same name", () => {
    expect(bySegment.get(1)!.channelMix).toEqual([
      { channel: "Online", share: 1 },
      { channel: "Store", share: 0 },
      { channel: "Unknown channel", share: 0 },
    ]);
    // p1's web purchase joins the "Online" bar, its store purchases the "Store" bar.
    expect(bySegment.get(2)!.channelMix.map((row) => [row.channel, row.share])).toEqual([
      ["Online", 1 / 6],
      ["Store", 4 / 6],
      ["Unknown channel", 1 / 6],
    ]);
  });

  test("a segment without spend, purchases, ages or incomes has nulls and missing counts, never NaN", () => {
    const empty = bySegment.get(3)!;
    expect(empty.spendByCategory.every((row) => row.average === null)).toBe(true);
    expect(empty.channelMix.every((row) => row.share === null)).toBe(true);
    expect(empty.age.missing).toBe(1);
    expect(empty.age.bins.every((bin) => bin.count === 0)).toBe(true);
    expect(empty.income.missing).toBe(1);
    expect(JSON.stringify([...bySegment.values()])).not.toMatch(/NaN/);
  });

  test("profile fields nobody without orders has get no bar", () => {
    const categories = bySegment.get(1)!.spendByCategory.map((row) => row.category);
    expect(categories).not.toContain("Fruits");
    expect(bySegment.get(1)!.channelMix.map((row) => row.channel)).not.toContain("Catalogue");
  });

  test("past eight categories the smallest share one Other bar", () => {
    const many = Array.from({ length: 9 }, (_, i) => order("o1", i + 1, `c${i + 1}`, "Online", String(i)));
    const [only] = computeSegmentDistributions([createEmptyCustomer("o1")], [0], [0], 2014, many).values();
    expect(only.spendByCategory).toEqual([
      ...[9, 8, 7, 6, 5, 4, 3].map((amount) => ({ category: `c${amount}`, average: amount })),
      { category: "Other", average: 3 },
    ]);
  });
});
