import { expect, test } from "vitest";
import { fitFeaturePipeline } from "@/lib/ml/features";
import { fitRfmEdges, quintileScore, recencyScore } from "@/lib/ml/features/rfm";
import { makeCustomer } from "@/tests/support/makeCustomer";

const edges = [10, 20, 30, 40];

test.each([
  [0, 1],
  [10, 1], // equal to an edge: stays in the lower quintile
  [15, 2],
  [30, 3],
  [40, 4],
  [41, 5],
])("value %d scores %d against edges 10/20/30/40", (value, score) => {
  expect(quintileScore(edges, value)).toBe(score);
});

test.each([
  [0, 5],
  [15, 4],
  [41, 1],
])("recency %d days scores %d (recent buyers score high)", (days, score) => {
  expect(recencyScore(edges, days)).toBe(score);
});

test("edges are the training quintiles of recency, purchases and spend", () => {
  // Values 0..10: the 20% quintile sits at position 2 → 2, then 4, 6, 8.
  const values = Array.from({ length: 11 }, (_, i) => i);
  expect(fitRfmEdges(values, values, values).recency).toEqual([2, 4, 6, 8]);
  const records = values.map((i) => makeCustomer(i, { recency: i * 10, numStorePurchases: i, mntWines: 100 * i }));
  const pipeline = fitFeaturePipeline(records, { snapshotDate: "2014-07-01" });
  expect(pipeline.rfm.recency).toEqual([20, 40, 60, 80]);
  expect(pipeline.rfm.frequency).toEqual([2, 4, 6, 8]);
});
