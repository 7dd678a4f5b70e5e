import { describe, expect, test } from "vitest";
import { createEmptyCustomer, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import type { CustomerScores } from "@/lib/ml/train";
import { NO_REASON, OTHER_REASONS } from "@/lib/runs/coverage";
import { summariseRun } from "@/lib/runs/summary";
import type { KeyedSegment } from "@/lib/runs/segmentKeys";

type Spend = [wines: number, fruits: number, meat: number, fish: number, sweets: number, gold: number];
type Channels = [web: number, catalog: number, store: number];

function customer(id: string, yearBirth: number, income: number | null, spend: Spend, channels: Channels): CustomerRecord {
  const [mntWines, mntFruits, mntMeatProducts, mntFishProducts, mntSweetProducts, mntGoldProds] = spend;
  const [numWebPurchases, numCatalogPurchases, numStorePurchases] = channels;
  return {
    ...createEmptyCustomer(id),
    yearBirth,
    income,
    mntWines,
    mntFruits,
    mntMeatProducts,
    mntFishProducts,
    mntSweetProducts,
    mntGoldProds,
    numWebPurchases,
    numCatalogPurchases,
    numStorePurchases,
  };
}

// Label 0 is segment key 7 (c1, c2), label 1 is key 5 (c3, c4): the summary must speak in keys.
const customers = [
  customer("c1", 1990, 30_000, [100, 0, 0, 0, 0, 0], [2, 0, 2]),
  customer("c2", 1960, 70_000, [300, 50, 0, 0, 0, 50], [1, 3, 4]),
  customer("c3", 1890, null, [10, 0, 0, 0, 0, 0], [0, 0, 0]),
  customer("c4", 1980, 120_000, [0, 20, 0, 0, 0, 0], [5, 0, 5]),
];
const segments: KeyedSegment[] = [
  { label: 0, segmentKey: 7, name: "A", color: "blue", isNew: true, distance: null, returnedFrom: null },
  { label: 1, segmentKey: 5, name: "B", color: "emerald", isNew: true, distance: null, returnedFrom: null },
];
const scores: CustomerScores = {
  externalIds: ["c1", "c2", "c3", "c4"],
  segment: Int32Array.from([0, 0, 1, 1]),
  segmentProbabilities: null,
  responseProbability: Float64Array.from([0.5, 0.1, NaN, 0.3]),
  clv: Float64Array.from([100, 200, NaN, 300]),
  clvLow: Float64Array.from([80, 150, NaN, 200]),
  clvHigh: Float64Array.from([120, 260, NaN, 400]),
  pAlive: Float64Array.from([0.9, 0.5, NaN, 0.7]),
  expectedPurchases: Float64Array.from([1, 2, NaN, 3]),
  historicalClv: Float64Array.from([1, 2, 3, 4]),
  responseNote: [null, null, "outside the response model's training range", null],
  clvSource: ["orders", "orders", null, "profiles"],
  clvNote: [null, null, "no order lines and no purchase counts in the profile", null],
  pca: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10.123456, 11, 12]),
};
const summary = summariseRun(customers, scores, segments, { snapshotDate: "2014-06-30T00:00:00.000Z", seed: 1 });

describe("summariseRun", () => {
  test("totals skip customers a model did not score; revenue is the profiles' spend without order lines", () => {
    expect(summary).toMatchObject({ customers: 4, revenue: 530, totalClv: 600, averageClv: 200, clvLowTotal: 430, clvHighTotal: 780 });
    expect(summary.aliveShare).toBeCloseTo(0.7, 12);
    expect(summary.expectedResponders).toBeCloseTo(0.9, 12);
  });

  test("a customer's spend comes from their order lines where they have a sale (returns netted, cancelled left out), else from the profile", () => {
    const line = (amount: number, kind: OrderRecord["kind"]): OrderRecord => ({
      customerId: "c1",
      orderDate: new Date("2014-01-01"),
      amount,
      orderId: null,
      quantity: null,
      category: null,
      channel: null,
      kind,
    });
    const withOrders = summariseRun(customers, scores, segments, {
      snapshotDate: "2014-06-30",
      seed: 1,
      orders: [line(300, "sale"), line(-50, "return"), line(999, "cancelled"), { ...line(77, "sale"), orderDate: new Date("2014-07-01") }],
    });
    // c1: 250 from orders instead of 100 from the profile (the line after the snapshot date left out); c2 400, c3 10, c4 20 from profiles.
    expect(withOrders.revenue).toBe(680);
    expect(withOrders.segments.find((segment) => segment.segmentKey === 7)!.averageSpend).toBe(325);
  });

  test("the recommended campaign mails those above break-even (3/11) — c1 at 0.5 and c4 at 0.3, one per segment key — beside mailing everyone", () => {
    const { recommended, everyone, economics } = summary.campaign!;
    expect(economics).toEqual({ costPerContact: 3, revenuePerResponse: 11 });
    expect(recommended).toMatchObject({
      contacts: 2,
      threshold: 0.3,
      scored: 3,
      cost: 6,
      segments: [
        { segmentKey: 5, contacts: 1 },
        { segmentKey: 7, contacts: 1 },
      ],
    });
    expect(recommended.breakEven).toBeCloseTo(3 / 11, 12);
    expect(recommended.expectedResponders).toBeCloseTo(0.8, 12);
    expect(recommended.profit).toBeCloseTo(2.8, 12);
    expect(recommended.roi).toBeCloseTo(2.8 / 6, 12);
    expect(everyone).toMatchObject({ contacts: 3, cost: 9 });
    expect(everyone.profit).toBeCloseTo(0.9, 12);
    expect(everyone.roi).toBeCloseTo(0.1, 12);
  });

  test("without response scores there is no campaign to recommend", () => {
    const unscored = { ...scores, responseProbability: new Float64Array(4).fill(NaN) };
    expect(summariseRun(customers, unscored, segments, { snapshotDate: "2014-06-30", seed: 1 }).campaign).toBeNull();
  });

  test("segment averages are per segment key", () => {
    const byKey = Object.fromEntries(summary.segments.map(({ distributions, ...segment }) => [segment.segmentKey, segment]));
    expect(byKey[7]).toMatchObject({
      segmentKey: 7,
      size: 2,
      averageIncome: 50_000,
      averageSpend: 250,
      averageClv: 150,
      averageResponse: 0.3,
      aliveShare: 0.7,
    });
    expect(byKey[5]).toMatchObject({
      segmentKey: 5,
      size: 2,
      averageIncome: 120_000,
      averageSpend: 15,
      averageClv: 300,
      averageResponse: 0.3,
      aliveShare: 0.7,
    });
  });

  test("distributions: average spend per category, channel shares of purchases, age and income histograms", () => {
    const a = summary.segments.find((segment) => segment.segmentKey === 7)!.distributions;
    expect(a.spendByCategory).toEqual([
      { category: "Wines", average: 200 },
      { category: "Fruits", average: 25 },
      { category: "Meat", average: 0 },
      { category: "Fish", average: 0 },
      { category: "Sweets", average: 0 },
      { category: "Gold", average: 25 },
    ]);
    expect(a.channelMix).toEqual([
      { channel: "Web", share: 0.25 },
      { channel: "Catalogue", share: 0.25 },
      { channel: "Store", share: 0.5 },
    ]);
    // Ages in the snapshot's year, 2014: 24 and 54.
    expect(a.age.bins.map((bin) => bin.count)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(a.age.missing).toBe(0);
    expect(a.income.bins.filter((bin) => bin.count > 0)).toEqual([
      { label: "20k–40k", count: 1 },
      { label: "60k–80k", count: 1 },
    ]);

    const b = summary.segments.find((segment) => segment.segmentKey === 5)!.distributions;
    // Born 1890 counts as missing, as the models treat it.
    expect(b.age).toEqual({ bins: expect.any(Array), missing: 1 });
    expect(b.age.bins.find((bin) => bin.count > 0)).toEqual({ label: "30–39", count: 1 });
    expect(b.income.missing).toBe(1);
    expect(b.income.bins.find((bin) => bin.count > 0)).toEqual({ label: "100k+", count: 1 });
    expect(b.channelMix.map((channel) => channel.share)).toEqual([0.5, 0, 0.5]);
  });

  test("a small run's scatter sample holds every customer, by segment key, rounded to 4 decimals", () => {
    expect(summary.pcaSample).toEqual({
      population: 4,
      points: [
        [7, 8, 9, 5],
        [10.1235, 11, 12, 5],
        [1, 2, 3, 7],
        [4, 5, 6, 7],
      ],
    });
  });

  test("CLV coverage counts customers by source and the reasons the rest have none, overall and per segment", () => {
    const reason = "no order lines and no purchase counts in the profile";
    expect(summary.clvCoverage).toEqual({ customers: 4, orders: 2, profiles: 1, none: 1, reasons: [{ reason, count: 1 }] });
    const byKey = Object.fromEntries(summary.segments.map((segment) => [segment.segmentKey, segment]));
    expect(byKey[7].clvCoverage).toEqual({ customers: 2, orders: 2, profiles: 0, none: 0, reasons: [] });
    expect(byKey[5].clvCoverage).toEqual({ customers: 2, orders: 0, profiles: 1, none: 1, reasons: [{ reason, count: 1 }] });
  });

  test("response coverage counts customers with a response score and the reasons the rest have none", () => {
    const reasons = [{ reason: "outside the response model's training range", count: 1 }];
    expect(summary.responseCoverage).toEqual({ customers: 4, scored: 3, none: 1, reasons });
    expect(summary.segments.find((segment) => segment.segmentKey === 5)!.responseCoverage).toEqual({ customers: 2, scored: 1, none: 1, reasons });
    expect(summary.segments.find((segment) => segment.segmentKey === 7)!.responseCoverage).toEqual({ customers: 2, scored: 2, none: 0, reasons: [] });
  });

  test("a CLV without a source of its own counts under the run's CLV source; a gap without a note says none was recorded", () => {
    const bare = { ...scores, clvSource: [null, null, null, null], clvNote: [null, null, null, null], responseNote: [null, null, null, null] };
    const result = summariseRun(customers, bare, segments, { snapshotDate: "2014-06-30", seed: 1, clvSource: "profiles" });
    expect(result.clvCoverage).toEqual({ customers: 4, orders: 0, profiles: 3, none: 1, reasons: [{ reason: NO_REASON, count: 1 }] });
    expect(result.responseCoverage.reasons).toEqual([{ reason: NO_REASON, count: 1 }]);
  });

  test("past five reasons the rarest are added up, so the counts still cover every customer without a score", () => {
    const many = Array.from({ length: 8 }, (_, i) => customer(`m${i}`, 1980, 50_000, [1, 0, 0, 0, 0, 0], [1, 0, 0]));
    const notes = ["a", "a", "a", "b", "b", "c", "d", "e"].map((note, i) => (i === 2 ? "f" : note));
    const unscored: CustomerScores = {
      ...scores,
      externalIds: many.map((c) => c.externalId),
      segment: new Int32Array(8),
      responseProbability: new Float64Array(8).fill(NaN),
      clv: new Float64Array(8).fill(NaN),
      clvLow: new Float64Array(8).fill(NaN),
      clvHigh: new Float64Array(8).fill(NaN),
      pAlive: new Float64Array(8).fill(NaN),
      responseNote: notes,
      clvSource: new Array(8).fill(null),
      clvNote: notes,
      pca: new Float64Array(24),
    };
    const result = summariseRun(many, unscored, segments, { snapshotDate: "2014-06-30", seed: 1 });
    expect(result.clvCoverage.reasons).toEqual([
      { reason: "a", count: 2 },
      { reason: "b", count: 2 },
      { reason: "c", count: 1 },
      { reason: "d", count: 1 },
      { reason: OTHER_REASONS, count: 2 },
    ]);
    expect(result.responseCoverage).toMatchObject({ customers: 8, scored: 0, none: 8 });
  });
});
