import { describe, expect, test } from "vitest";
import { createEmptyCustomer } from "@/lib/data/customer";
import { buildFeatureTable, fitFeaturePipeline, transformFeatures } from "@/lib/ml/features";
import { makeCustomer } from "@/tests/support/makeCustomer";

const snapshotDate = "2014-07-01";

describe("income imputation", () => {
  // Known incomes: Graduation 30k, 40k, 50k (median 40k); PhD 60k, 80k (median 70k);
  // 2n Cycle 45k (level Master, median 45k); all known: 30, 40, 45, 50, 60, 80k → median 47.5k.
  const training = [
    makeCustomer(1, { education: "Graduation", income: 30_000 }),
    makeCustomer(2, { education: "Graduation", income: 40_000 }),
    makeCustomer(3, { education: "Graduation", income: 50_000 }),
    makeCustomer(4, { education: "PhD", income: 60_000 }),
    makeCustomer(5, { education: "PhD", income: 80_000 }),
    makeCustomer(6, { education: "2n Cycle", income: 45_000 }),
    makeCustomer(7, { education: "Graduation", income: null }),
  ];
  const pipeline = fitFeaturePipeline(training, { snapshotDate });

  test.each([
    ["Graduation", 40_000],
    ["PhD", 70_000],
    ["Master", 45_000], // pooled with 2n Cycle: the same level
    ["Basic", 47_500], // no Basic income known: global median
    [null, 47_500],
  ])("a missing income with education %s is imputed as %d", (education, expected) => {
    const table = buildFeatureTable(pipeline, [makeCustomer("new", { education, income: null })], { features: ["income"] });
    expect(table.columns.income[0]).toBe(expected);
  });
});

describe("winsorisation", () => {
  // Wines 0, 10, …, 100 over 11 rows: the 1st percentile sits at position 0.01·10 = 0.1 → 0 + 0.1·10 = 1,
  // the 99th at position 9.9 → 90 + 0.9·10 = 99.
  const training = Array.from({ length: 11 }, (_, i) => makeCustomer(i, { mntWines: 10 * i }));
  const pipeline = fitFeaturePipeline(training, { snapshotDate });

  test("learns the 1st and 99th percentiles of the training spend", () => {
    expect(pipeline.cleaning.bounds.mntWines[0]).toBeCloseTo(1, 12);
    expect(pipeline.cleaning.bounds.mntWines[1]).toBeCloseTo(99, 12);
  });

  test.each([
    [500, 99],
    [0, 1],
    [42, 42],
  ])("clips a wine spend of %d to %d", (spend, expected) => {
    const table = buildFeatureTable(pipeline, [makeCustomer("x", { mntWines: spend })], { features: ["totalSpend"] });
    expect(table.columns.totalSpend[0]).toBeCloseTo(expected, 12);
  });

  test("a table for personas keeps the customers' own spend, so their means are the stored fields' averages", () => {
    const table = buildFeatureTable(pipeline, [makeCustomer("x", { mntWines: 500 }), makeCustomer("y", { mntWines: 0 })], {
      features: ["totalSpend"],
      observedOnly: true,
      winsorised: false,
    });
    expect(Array.from(table.columns.totalSpend)).toEqual([500, 0]);
  });
});

describe("scaling", () => {
  test("uses the mean and standard deviation of the training rows only", () => {
    // Ages at 2014-07-01: 44 and 34 → mean 39, population std 5. A new customer aged 54 scales to (54 − 39) / 5 = 3.
    const pipeline = fitFeaturePipeline([makeCustomer(1, { yearBirth: 1970 }), makeCustomer(2, { yearBirth: 1980 })], {
      snapshotDate,
      features: ["age"],
    });
    expect(pipeline.scaler).toEqual({ mean: [39], std: [5] });
    const { matrix } = transformFeatures(pipeline, [makeCustomer(3, { yearBirth: 1960 })]);
    expect(matrix[0]).toBeCloseTo(3, 12);
  });

  test("a constant training column scales to 0 instead of dividing by zero", () => {
    const pipeline = fitFeaturePipeline([makeCustomer(1), makeCustomer(2)], { snapshotDate, features: ["complain"] });
    expect(Array.from(transformFeatures(pipeline, [makeCustomer(3, { complain: 1 })]).matrix)).toEqual([1]);
  });
});

describe("impossible birth years", () => {
  test.each([
    [1893, true],
    [1899, true],
    [1903, true], // 111 years old at the snapshot
    [1904, false], // 110: old but possible
    [2015, true], // born after the snapshot
    [1980, false],
  ])("birth year %d is impossible: %s", (yearBirth, impossible) => {
    const pipeline = fitFeaturePipeline([makeCustomer(1), makeCustomer(2, { yearBirth })], { snapshotDate });
    expect(pipeline.fit.excluded.length).toBe(impossible ? 1 : 0);
  });

  test("are left out of fitting and scored with the training median age", () => {
    // Valid ages 44, 34, 24 → median 34, mean 34; the 1893 row does not move either.
    const records = [1970, 1980, 1990, 1893].map((yearBirth, i) => makeCustomer(i, { yearBirth }));
    const pipeline = fitFeaturePipeline(records, { snapshotDate, features: ["age"] });
    expect(pipeline.fit).toEqual({ rows: 3, excluded: [{ externalId: "3", reason: "impossible birth year 1893" }] });
    expect(pipeline.scaler.mean).toEqual([34]);
    expect(transformFeatures(pipeline, records).rowsExcludedFromFit).toEqual([3]);
    expect(buildFeatureTable(pipeline, records).columns.age[3]).toBe(34);
  });
});

describe("derived features", () => {
  const customer = makeCustomer(1, {
    kidhome: 1,
    teenhome: 2,
    mntWines: 60,
    mntMeatProducts: 40,
    numWebPurchases: 2,
    numCatalogPurchases: 3,
    numStorePurchases: 5,
    numDealsPurchases: 4,
    acceptedCmp1: 1,
    acceptedCmp3: 1,
    dtCustomer: new Date(Date.UTC(2014, 5, 1)),
  });
  // One training row: every bound and median is that row's own value, so nothing is clipped.
  const table = buildFeatureTable(fitFeaturePipeline([customer], { snapshotDate }), [customer]);

  test.each([
    ["children", 3], // 1 kid + 2 teens
    ["totalSpend", 100], // 60 + 40
    ["shareWines", 0.6],
    ["shareMeatProducts", 0.4],
    ["totalPurchases", 10], // 2 + 3 + 5
    ["shareCatalog", 0.3],
    ["dealRatio", 0.4], // 4 deals / 10 purchases
    ["spendPerPurchase", 10],
    ["acceptedCount", 2],
    ["tenureDays", 30], // 1 June → 1 July
    ["age", 44],
    ["logTotalSpend", Math.log(101)],
  ])("%s = %d", (name, expected) => {
    expect(table.columns[name][0]).toBeCloseTo(expected, 12);
  });

  test.each([
    ["Basic", 0],
    ["Graduation", 1],
    ["2n Cycle", 2],
    ["Master", 2],
    ["PhD", 3],
  ])("education %s has level %d", (education, level) => {
    const record = makeCustomer(1, { education });
    expect(buildFeatureTable(fitFeaturePipeline([record], { snapshotDate }), [record]).columns.educationLevel[0]).toBe(level);
  });

  test.each([
    ["Single", 1],
    ["Divorced", 1],
    ["Widow", 1],
    ["Alone", 1],
    ["Absurd", 1],
    ["YOLO", 1],
    ["Married", 0],
    ["Together", 0],
  ])("marital status %s gives livingAlone %d", (maritalStatus, alone) => {
    const record = makeCustomer(1, { maritalStatus });
    expect(buildFeatureTable(fitFeaturePipeline([record], { snapshotDate }), [record]).columns.livingAlone[0]).toBe(alone);
  });
});

test("customers known only from order lines take recency, frequency, spend and tenure from their summary", () => {
  const profiles = [makeCustomer(1, { mntWines: 100, numStorePurchases: 4 }), makeCustomer(2, { mntWines: 300, numStorePurchases: 8 })];
  const summaries = new Map([["o", { frequency: 7, recencyDays: 12, monetary: 250, tenureDays: 400 }]]);
  const pipeline = fitFeaturePipeline(profiles, { snapshotDate });
  const table = buildFeatureTable(pipeline, [createEmptyCustomer("o")], { summaries });
  expect([table.columns.recency[0], table.columns.totalPurchases[0], table.columns.totalSpend[0], table.columns.tenureDays[0]]).toEqual([12, 7, 250, 400]);
});

test("a pipeline survives a JSON round trip unchanged", () => {
  const records = [1960, 1970, 1985].map((yearBirth, i) => makeCustomer(i, { yearBirth, mntWines: 100 * i, income: i === 1 ? null : 40_000 + i }));
  const pipeline = fitFeaturePipeline(records, { snapshotDate, seed: 7 });
  const restored = JSON.parse(JSON.stringify(pipeline));
  expect(transformFeatures(restored, records).matrix).toEqual(transformFeatures(pipeline, records).matrix);
});

test("rejects an invalid snapshot date and unknown feature names", () => {
  expect(() => fitFeaturePipeline([makeCustomer(1)], { snapshotDate: "not a date" })).toThrow(/snapshotDate/);
  expect(() => fitFeaturePipeline([makeCustomer(1)], { snapshotDate, features: ["shoeSize"] })).toThrow(/shoeSize/);
});
