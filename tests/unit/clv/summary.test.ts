import { describe, expect, test } from "vitest";
import { createEmptyCustomer, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import { summaryFromOrders, summaryFromProfiles } from "@/lib/ml/clv";

const order = (customerId: string, iso: string, amount: number): OrderRecord => ({
  customerId,
  orderDate: new Date(iso),
  amount,
  orderId: null,
  quantity: null,
  category: null,
  channel: null,
});

const ORDERS = [
  order("c1", "2024-01-01T09:00:00Z", 10),
  order("c2", "2024-01-03T12:00:00Z", 7),
  order("c1", "2024-01-01T18:30:00Z", 5), // same day as the first: one purchase of 15
  order("c1", "2024-01-05T23:59:00Z", 20),
  order("c3", "2024-01-02T00:01:00Z", 8),
  order("c1", "2024-01-11T00:00:00Z", 40),
  order("c3", "2024-01-20T10:00:00Z", 12),
];

describe("summaryFromOrders", () => {
  test("counts distinct purchase days and measures t_x, T in days from the first purchase", () => {
    const summary = summaryFromOrders(ORDERS, { snapshotDate: new Date("2024-01-15T00:00:00Z") });
    expect(summary.customerIds).toEqual(["c1", "c2", "c3"]);
    expect([...summary.frequency]).toEqual([2, 0, 0]);
    expect([...summary.recency]).toEqual([10, 0, 0]);
    expect([...summary.T]).toEqual([14, 12, 13]);
    // c1: repeat days Jan 5 (20) and Jan 11 (40); the first day (15) is excluded.
    expect([...summary.monetary]).toEqual([30, 0, 0]);
    expect(summary.ordersAfterSnapshot).toBe(1);
  });

  test("defaults the snapshot to the last order day", () => {
    const summary = summaryFromOrders(ORDERS);
    expect(summary.snapshotDate.toISOString()).toBe("2024-01-20T00:00:00.000Z");
    expect([...summary.frequency]).toEqual([2, 0, 1]);
    expect([...summary.recency]).toEqual([10, 0, 18]);
    expect([...summary.T]).toEqual([19, 17, 18]);
    expect([...summary.monetary]).toEqual([30, 0, 12]);
    expect(summary.ordersAfterSnapshot).toBe(0);
  });

  test("names the order line with an invalid date", () => {
    const broken = [...ORDERS.slice(0, 2), order("c9", "not a date", 1)];
    expect(() => summaryFromOrders(broken)).toThrow(/order at index 2: orderDate/);
  });
});

const profile = (id: string, fields: Partial<CustomerRecord>): CustomerRecord => {
  const spends = { mntWines: 0, mntFruits: 0, mntMeatProducts: 0, mntFishProducts: 0, mntSweetProducts: 0, mntGoldProds: 0 };
  return { ...createEmptyCustomer(id), ...spends, ...fields };
};

describe("summaryFromProfiles", () => {
  const snapshotDate = new Date("2014-07-01T00:00:00Z");
  const customers = [
    // 100 days before the snapshot, 2 + 1 + 3 purchases, last one 20 days ago, spend 300.
    profile("a", {
      dtCustomer: new Date("2014-03-23T00:00:00Z"),
      recency: 20,
      numWebPurchases: 2,
      numCatalogPurchases: 1,
      numStorePurchases: 3,
      mntWines: 200,
      mntGoldProds: 100,
    }),
    profile("b", { dtCustomer: null, recency: 5, numWebPurchases: 1, numCatalogPurchases: 0, numStorePurchases: 0 }),
    // Repeat purchase but Recency longer than the enrolment span: t_x would be <= 0.
    profile("c", {
      dtCustomer: new Date("2014-06-21T00:00:00Z"),
      recency: 40,
      numWebPurchases: 1,
      numCatalogPurchases: 1,
      numStorePurchases: 0,
      mntFruits: 30,
    }),
    // One purchase only: x = 0, t_x = 0.
    profile("d", {
      dtCustomer: new Date("2014-01-01T00:00:00Z"),
      recency: 3,
      numWebPurchases: 0,
      numCatalogPurchases: 0,
      numStorePurchases: 1,
      mntMeatProducts: 50,
    }),
    profile("e", { dtCustomer: new Date("2014-08-01T00:00:00Z"), recency: 1, numWebPurchases: 1, numCatalogPurchases: 0, numStorePurchases: 0 }),
    profile("f", { dtCustomer: new Date("2014-01-01T00:00:00Z"), recency: 1, numWebPurchases: 0, numCatalogPurchases: 0, numStorePurchases: 0 }),
    profile("g", {
      dtCustomer: new Date("2014-06-21T00:00:00Z"),
      recency: 4,
      numWebPurchases: 0,
      numCatalogPurchases: 2,
      numStorePurchases: 1,
      mntSweetProducts: 45,
    }),
  ];

  test("derives x = purchases − 1, t_x = T − Recency (0 when x = 0), monetary = spend / purchases", () => {
    const summary = summaryFromProfiles(customers, { snapshotDate });
    expect(summary.customerIds).toEqual(["a", "d", "f", "g"]);
    expect(summary.inputIndex).toEqual([0, 3, 5, 6]);
    expect([...summary.frequency]).toEqual([5, 0, 0, 2]);
    expect([...summary.T]).toEqual([100, 181, 181, 10]);
    expect([...summary.recency]).toEqual([80, 0, 0, 6]);
    expect([...summary.monetary]).toEqual([50, 50, 0, 15]);
  });

  test("reports customers lacking fields or enrolled after the snapshot instead of guessing", () => {
    const summary = summaryFromProfiles(customers, { snapshotDate });
    expect(summary.excluded).toEqual([
      { index: 1, reason: "missing dtCustomer" },
      { index: 2, reason: "repeat purchases but Recency >= days since Dt_Customer" },
      { index: 4, reason: "dtCustomer is after the snapshot date" },
    ]);
  });
});
