import { describe, expect, test } from "vitest";
import { createEmptyCustomer, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import { fitSpendShrinkage } from "@/lib/ml/clv";
import { generateOrderBusiness } from "@/lib/data/syntheticBusiness";
import { buildClvPlan, measureClvCoverage, fitClvModels } from "@/lib/ml/train/clvStage";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sale = (customerId: string, date: string, amount: number, kind?: OrderRecord["kind"]): OrderRecord => ({
  customerId,
  orderDate: day(date),
  amount,
  orderId: null,
  quantity: null,
  category: null,
  channel: null,
  ...(kind ? { kind } : {}),
});
const profiled: CustomerRecord = {
  ...createEmptyCustomer("B"),
  dtCustomer: day("2023-01-01"),
  recency: 10,
  numWebPurchases: 2,
  numCatalogPurchases: 1,
  numStorePurchases: 1,
  mntWines: 100,
  mntFruits: 0,
  mntMeatProducts: 100,
  mntFishProducts: 0,
  mntSweetProducts: 0,
  mntGoldProds: 0,
};

describe("the CLV plan: a source per customer", () => {
  const orders = [
    sale("A", "2024-01-01", 100),
    sale("A", "2024-01-10", 200),
    sale("A", "2024-01-20", 100),
    sale("A", "2024-01-25", -100, "return"),
    sale("A", "2024-01-26", 500, "cancelled"),
  ];
  const plan = buildClvPlan([createEmptyCustomer("A"), profiled, createEmptyCustomer("C")], orders, day("2024-01-31"));

  test("order lines for customers with a sale, the profile for the others, and the reason for the rest", () => {
    expect(plan.orders?.rowIndex).toEqual([0]);
    expect(plan.profiles?.rowIndex).toEqual([1]);
    expect(plan.notes).toEqual([null, null, "no purchase in the order lines, and the profile lacks purchase counts, spend, recency or enrolment date"]);
  });

  test("returns are netted into spend per purchase and cancelled orders are no purchase", () => {
    const summary = plan.orders!.summary;
    // Purchase days 1, 10 and 20 January: x = 2; repeat spend (200 + 100) / 2 = 150, times net / gross = 300 / 400.
    expect(summary.frequency[0]).toBe(2);
    expect(summary.recency[0]).toBe(19);
    expect(summary.T[0]).toBe(30);
    expect(summary.monetary[0]).toBeCloseTo(112.5, 12);
  });

  test("coverage counts each source and groups the reasons", () => {
    expect(measureClvCoverage({ clvSource: ["orders", "profiles", null, null], clvNote: [null, null, "no order lines", "no order lines"] })).toEqual({
      customers: 4,
      orders: 1,
      profiles: 1,
      none: 2,
      reasons: [{ reason: "no order lines", count: 2 }],
    });
  });
});

describe("spend shrinkage, when Gamma-Gamma has no fit", () => {
  test("the pooled mean is spend over repeat purchases", () => {
    const summary = {
      frequency: Float64Array.from([0, 1, 3]),
      recency: Float64Array.from([0, 5, 9]),
      T: Float64Array.from([10, 10, 10]),
      monetary: Float64Array.from([0, 100, 20]),
    };
    expect(fitSpendShrinkage(summary)).toEqual({ mean: (100 + 60) / 4, strength: 1 });
  });
});

describe("a degenerate Gamma-Gamma fit", () => {
  test("whose mean spend is far from the data's gives way to spend shrinkage, and the run says why", () => {
    // This shop's spend per purchase is heavy-tailed: Gamma-Gamma lands at q just above 1.
    const { orders } = generateOrderBusiness({ customers: 100, seed: 42 });
    const customers = [...new Set(orders.map((order) => order.customerId))].map(createEmptyCustomer);
    const fitted = fitClvModels(buildClvPlan(customers, orders, new Date("2025-06-30T00:00:00Z")));
    if ("skipped" in fitted) throw new Error(fitted.skipped);
    expect(fitted.model.gammaGamma).toBeNull();
    expect(fitted.model.spendShrinkage?.strength).toBe(1);
    expect(fitted.notes).toEqual([
      expect.stringMatching(/^The Gamma-Gamma spend model implies a mean spend per purchase of [\d,]+ against [\d,]+ observed on the order history/),
    ]);
  });
});

describe("fits on a sample", () => {
  test("past the limit, the run notes say how many customers and repeat buyers the fits saw", () => {
    const { orders } = generateOrderBusiness({ customers: 2000, seed: 7 });
    const customers = [...new Set(orders.map((order) => order.customerId))].map(createEmptyCustomer);
    const plan = buildClvPlan(customers, orders, new Date("2025-06-30T00:00:00Z"));
    const fitted = fitClvModels(plan, 3, 500);
    if ("skipped" in fitted) throw new Error(fitted.skipped);
    expect(fitted.model.bgnbd.customers).toBe(500);
    expect(fitted.notes[0]).toMatch(
      /^The order history models were fitted on a random sample \(BG\/NBD on 500 of [\d,]+ customers(, Gamma-Gamma on 500 of [\d,]+ repeat buyers)?\); every customer is scored\.$/,
    );
    const whole = fitClvModels(plan, 3);
    if ("skipped" in whole) throw new Error(whole.skipped);
    expect(whole.notes.some((note) => note.includes("random sample"))).toBe(false);
  });
});
