import { expect, test } from "vitest";
import { buildFeatureTable, fitFeaturePipeline, computeSegmentMeans } from "@/lib/ml/features";
import { makeCustomer } from "@/tests/support/makeCustomer";

test("segment means are averages of the unscaled columns per segment", () => {
  // Incomes 20k, 40k in segment 0 and 90k in segment 1; ages 44, 34 | 24 at 2014-07-01.
  const records = [
    makeCustomer(1, { income: 20_000, yearBirth: 1970 }),
    makeCustomer(2, { income: 40_000, yearBirth: 1980 }),
    makeCustomer(3, { income: 90_000, yearBirth: 1990 }),
  ];
  const pipeline = fitFeaturePipeline(records, { snapshotDate: "2014-07-01" });
  const table = buildFeatureTable(pipeline, records, { features: ["income", "age"] });
  // Income bounds are the 1st/99th percentiles: 20k + 0.02·20k = 20.4k and 40k + 0.98·50k = 89k.
  expect(Array.from(table.columns.income)).toEqual([20_400, 40_000, 89_000]);
  expect(computeSegmentMeans(table, [0, 0, 1])).toEqual([
    { segment: 0, size: 2, means: { income: 30_200, age: 39 } },
    { segment: 1, size: 1, means: { income: 89_000, age: 24 } },
  ]);
});

test("segment labels must match the rows", () => {
  const records = [makeCustomer(1)];
  const table = buildFeatureTable(fitFeaturePipeline(records, { snapshotDate: "2014-07-01" }), records, { features: ["age"] });
  expect(() => computeSegmentMeans(table, [0, 1])).toThrow(/2 labels for 1 rows/);
  expect(() => computeSegmentMeans(table, [-1])).toThrow(/bad label/);
});
