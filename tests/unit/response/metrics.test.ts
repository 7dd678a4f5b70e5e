import { describe, expect, test } from "vitest";
import { averagePrecision, brierScore, buildCalibrationCurve, countConfusionAt, computeMajorityBaseline, rocAuc } from "@/lib/ml/response/metrics";

// Three responders and three non-responders, with one tie across the classes at 0.7.
const labels = [1, 1, 0, 1, 0, 0];
const scores = [0.9, 0.7, 0.7, 0.5, 0.3, 0.1];

describe("ROC AUC", () => {
  test("counts a tied responder/non-responder pair as one half", () => {
    // 9 pairs. Responder 0.9 beats all 3; responder 0.7 ties 0.7 (½) and beats 0.3, 0.1 → 2.5;
    // responder 0.5 beats 0.3 and 0.1 → 2. (3 + 2.5 + 2) / 9 = 7.5 / 9.
    expect(rocAuc(labels, scores)).toBeCloseTo(7.5 / 9, 12);
  });

  test("is 0.5 for constant scores", () => {
    expect(rocAuc(labels, new Array(6).fill(0.42))).toBe(0.5);
  });

  test.each([
    [[0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1],
    [[1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9], 0],
  ])("is 1 for a perfect ranking and 0 for a reversed one (%#)", (y, s, expected) => {
    expect(rocAuc(y, s)).toBe(expected);
  });

  test("does not depend on the order of the rows", () => {
    const order = [3, 0, 5, 2, 4, 1];
    expect(
      rocAuc(
        order.map((i) => labels[i]),
        order.map((i) => scores[i]),
      ),
    ).toBeCloseTo(7.5 / 9, 12);
  });

  test("is undefined (NaN) with one class only", () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });
});

test("average precision sums precision × recall step over tie groups", () => {
  // Groups from the top: {0.9: +} P=1/1, {0.7: +,−} P=2/3, {0.5: +} P=3/4, then no more responders.
  // Each group with a responder adds recall 1/3: 1/3·1 + 1/3·2/3 + 1/3·3/4 = 29/36.
  expect(averagePrecision(labels, scores)).toBeCloseTo(29 / 36, 12);
});

test("Brier score is the mean squared error of probabilities", () => {
  // (0.2² + 0.4² + 0.4² + 0.1²) / 4 = (0.04 + 0.16 + 0.16 + 0.01) / 4 = 0.0925
  expect(brierScore([1, 0, 1, 0], [0.8, 0.4, 0.6, 0.1])).toBeCloseTo(0.0925, 12);
});

test("confusion matrix at 0.5 predicts positive for scores ≥ 0.5", () => {
  // Predicted positive: 0.9 (+), 0.7 (+), 0.7 (−), 0.5 (+) → TP 3, FP 1; the rest: TN 2, FN 0.
  // Precision 3/4, recall 1, F1 = 2·¾·1 / (¾ + 1) = 6/7, accuracy 5/6.
  const c = countConfusionAt(labels, scores, 0.5);
  expect([c.truePositives, c.falsePositives, c.trueNegatives, c.falseNegatives]).toEqual([3, 1, 2, 0]);
  expect(c.precision).toBeCloseTo(0.75, 12);
  expect(c.recall).toBe(1);
  expect(c.f1).toBeCloseTo(6 / 7, 12);
  expect(c.accuracy).toBeCloseTo(5 / 6, 12);
});

test("precision and F1 are 0 when nothing is predicted positive", () => {
  const c = countConfusionAt(labels, scores, 0.95);
  expect([c.precision, c.recall, c.f1, c.accuracy]).toEqual([0, 0, 0, 0.5]);
});

test.each([
  [[1, 0, 0, 0], 0.75],
  [[1, 1, 1, 0], 0.75],
  [[1, 0], 0.5],
])("majority-class baseline of %j is %d", (y, expected) => {
  expect(computeMajorityBaseline(y)).toBe(expected);
});

test("calibration curve bins probabilities in tenths and puts 1.0 in the last bin", () => {
  const curve = buildCalibrationCurve([0, 1, 0, 1, 1], [0.05, 0.15, 0.12, 0.95, 1.0]);
  expect(curve).toHaveLength(10);
  expect(curve[0]).toEqual({ lower: 0, upper: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 });
  expect(curve[1].count).toBe(2);
  expect(curve[1].meanPredicted).toBeCloseTo(0.135, 12); // (0.15 + 0.12) / 2
  expect(curve[1].observedRate).toBe(0.5);
  expect(curve[9].meanPredicted).toBeCloseTo(0.975, 12);
  expect(curve[9].observedRate).toBe(1);
  expect(curve[5].count).toBe(0);
  expect(curve[5].observedRate).toBeNull();
});

test("rejects labels other than 0/1 and mismatched lengths", () => {
  expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/label 2 at row 1/);
  expect(() => brierScore([0, 1], [0.1])).toThrow(/2 labels but 1 scores/);
});
