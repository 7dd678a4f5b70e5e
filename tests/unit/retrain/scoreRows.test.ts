import { expect, test } from "vitest";
import type { CustomerScores } from "@/lib/ml/train";
import type { KeyedSegment } from "@/lib/runs/segmentKeys";
import { toScoreRows } from "@/lib/services/retrain/outcome";

// Labels 0, 1, 2 carry segment keys 12, 10, 11: stored probabilities go in key order, labels 1, 2, 0.
const keyed: KeyedSegment[] = [12, 10, 11].map((segmentKey, label) => ({
  label,
  segmentKey,
  name: `S${label}`,
  color: "blue",
  isNew: false,
  distance: null,
  returnedFrom: null,
}));

const scores: CustomerScores = {
  externalIds: ["a", "b"],
  segment: Int32Array.from([1, 0]),
  segmentProbabilities: Float64Array.from([0.123456, 0.5, 0.376544, Number.NaN, 0.99999, 0.00001]),
  responseProbability: Float64Array.from([0.25, Number.NaN]),
  clv: Float64Array.from([100, Number.NaN]),
  clvLow: Float64Array.from([80, Number.NaN]),
  clvHigh: Float64Array.from([120, Number.NaN]),
  pAlive: Float64Array.from([0.9, Number.NaN]),
  expectedPurchases: Float64Array.from([2, Number.NaN]),
  historicalClv: Float64Array.from([50, Number.NaN]),
  responseNote: [null, "missing income"],
  clvSource: ["orders", null],
  clvNote: [null, "no purchases"],
  pca: Float64Array.from([1, 2, 3, 4, 5, 6]),
};

test("a row holds the customer's scores, its segment's key and its probabilities in key order, as JSON text", () => {
  const rows = toScoreRows(scores, [7, 8], keyed, Float64Array.from([255, 4096]));
  expect(rows.slice(0, 2)).toEqual([
    {
      customerId: 7,
      segmentKey: 10,
      segmentProbabilities: "[0.5,0.3765,0.1235]",
      responseProbability: 0.25,
      clv: 100,
      clvLow: 80,
      clvHigh: 120,
      pAlive: 0.9,
      expectedPurchases: 2,
      historicalClv: 50,
      responseNote: null,
      clvSource: "orders",
      clvNote: null,
      inputHash: "ff",
      pcaX: 1,
      pcaY: 2,
      pcaZ: 3,
    },
    {
      customerId: 8,
      segmentKey: 12,
      segmentProbabilities: "[1,0,null]",
      responseProbability: null,
      clv: null,
      clvLow: null,
      clvHigh: null,
      pAlive: null,
      expectedPurchases: null,
      historicalClv: null,
      responseNote: "missing income",
      clvSource: null,
      clvNote: "no purchases",
      inputHash: "1000",
      pcaX: 4,
      pcaY: 5,
      pcaZ: 6,
    },
  ]);
});

test("a slice stops at the last customer, and a run without probabilities stores none", () => {
  const rows = toScoreRows({ ...scores, segmentProbabilities: null }, [7, 8], keyed, new Float64Array(2));
  expect(rows.length).toBe(2);
  expect(rows.slice(1, 5).map((row) => [row.customerId, row.segmentProbabilities])).toEqual([[8, null]]);
  expect(rows.slice(2, 4)).toEqual([]);
});
