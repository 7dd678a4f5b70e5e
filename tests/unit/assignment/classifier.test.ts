import { beforeAll, describe, expect, test } from "vitest";
import { fitSegmentClassifier, type SegmentClassifierFit } from "@/lib/ml/assignment/classifier";
import { argmaxSegments, predictSegmentProbabilities, type SegmentClassifierModel } from "@/lib/ml/assignment/model";
import { autoBatchSize, defaultLearningRate } from "@/lib/ml/assignment/training";
import { loadTf } from "@/lib/ml/tf";
import { separatedBlobs } from "./blobs";

const { X, labels } = separatedBlobs(200, 3, 6, 11);
const fresh = separatedBlobs(50, 3, 6, 12);

describe("segment classifier on three separated blobs (600 × 6)", () => {
  let fit: SegmentClassifierFit;
  let probabilities: Float64Array;
  let tensorsBefore: number;

  beforeAll(async () => {
    const tf = await loadTf();
    tensorsBefore = tf.memory().numTensors;
    fit = await fitSegmentClassifier(X, labels, 3, { seed: 5 });
    probabilities = await predictSegmentProbabilities(fit.model, fresh.X);
  });

  test("agrees with the labels on at least 95% of the held-out rows", () => {
    expect(fit.heldOutAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  test("holds out a stratified 20%: 40 test rows of each segment", () => {
    expect(fit.rows).toEqual({ train: 384, validation: 96, test: 120 });
    expect(fit.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([40, 40, 40]);
  });

  test("reports the held-out accuracy of its own confusion matrix", () => {
    const diagonal = fit.confusion.reduce((sum, row, i) => sum + row[i], 0);
    expect(fit.heldOutAccuracy).toBe(diagonal / 120);
  });

  test("gives each row probabilities that sum to 1", () => {
    expect(probabilities).toHaveLength(150 * 3);
    for (let i = 0; i < 150; i++) {
      const row = probabilities.subarray(i * 3, i * 3 + 3);
      expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    }
  });

  test("assigns new customers from the same blobs to their blob", () => {
    const predicted = argmaxSegments(probabilities, 3);
    const correct = predicted.filter((segment, i) => segment === fresh.labels[i]).length;
    expect(correct / 150).toBeGreaterThanOrEqual(0.95);
  });

  test("uses the seed project's 64-128-64 and dropout 0.3, with 64 rows a step for its 384 training rows and Adam's step grown to match", () => {
    expect(fit.rows.train).toBe(384);
    expect(fit.model.hyperParameters).toEqual({ units: [64, 128, 64], learningRate: 0.00141, dropout: 0.3 });
    expect(fit.batchSize).toBe(64);
    expect(fit.model.weights.map((w) => w.shape)).toEqual([[6, 64], [64], [64, 128], [128], [128, 64], [64], [64, 3], [3]]);
  });

  test("stops 5 epochs after the last improvement and records one history entry per epoch", () => {
    expect(fit.history.map((h) => h.epoch)).toEqual(Array.from({ length: fit.epochs }, (_, i) => i + 1));
    expect(fit.epochs).toBeLessThan(100);
    expect(fit.epochs).toBe(fit.bestEpoch + 5);
    // Later epochs may lower the loss, but by no more than minDelta (1e-4).
    const lowest = Math.min(...fit.history.map((h) => h.validationLoss));
    expect(fit.history[fit.bestEpoch - 1].validationLoss - lowest).toBeLessThanOrEqual(1e-4);
  });

  test("survives a JSON round trip and predicts exactly the same", async () => {
    const restored = JSON.parse(JSON.stringify(fit.model)) as SegmentClassifierModel;
    expect(await predictSegmentProbabilities(restored, fresh.X)).toEqual(probabilities);
  });

  // tfjs-wasm training is bit-for-bit reproducible here (checked across processes too), so equality is exact.
  test("the same seed gives the same model, bit for bit", async () => {
    const again = await fitSegmentClassifier(X, labels, 3, { seed: 5 });
    expect(again.model).toEqual(fit.model);
    expect(again.history).toEqual(fit.history);
  });

  test("another seed gives other weights", async () => {
    const other = await fitSegmentClassifier(X, labels, 3, { seed: 6, maxEpochs: 1 });
    expect(other.model.weights[0].values).not.toEqual(fit.model.weights[0].values);
  });

  test("takes tuned hyper-parameters", async () => {
    const tuned = await fitSegmentClassifier(X, labels, 3, { seed: 5, maxEpochs: 1, hyperParameters: { units: [32, 16], dropout: 0 } });
    expect(tuned.model.hyperParameters).toEqual({ units: [32, 16], learningRate: 0.00141, dropout: 0 });
    expect(tuned.model.weights.map((w) => w.shape)).toEqual([[6, 32], [32], [32, 16], [16], [16, 3], [3]]);
  });

  test("leaves no tensors behind", async () => {
    const tf = await loadTf();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  test("refuses rows of the wrong width", () => {
    expect(() => predictSegmentProbabilities(fit.model, new Float64Array(10))).toThrow(/takes 6 features/);
  });
});

describe("input checks", () => {
  test.each([
    ["a label outside 0..k-1", X, Int32Array.from(labels, (l) => (l === 2 ? 3 : l)), 3, /label 3 at row 2 is outside 0..2/],
    ["X not a whole number of rows", X.subarray(1), labels, 3, /not a whole number of features/],
    ["k below 2", X, new Int32Array(600), 1, /k must be an integer ≥ 2/],
    ["a missing value", Float64Array.from(X, (v, i) => (i === 13 ? Number.NaN : v)), labels, 3, /row 2, column 1 is NaN/],
  ])("refuses %s", async (_, x, y, k, message) => {
    await expect(fitSegmentClassifier(x, y, k, { seed: 1 })).rejects.toThrow(message);
  });

  test("refuses a batch size that is not a positive integer", async () => {
    await expect(fitSegmentClassifier(X, labels, 3, { seed: 1, batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer/);
  });
});

test.each([
  [200, 32],
  [257, 64],
  [400, 64],
  [1_434, 256],
  [8_002, 256],
  [1_000_000, 256],
])("auto batch size for %d training rows is %d", (rows, size) => {
  expect(autoBatchSize(rows)).toBe(size);
});

test.each([
  [32, 0.001],
  [128, 0.002],
  [256, 0.00283],
])("the default learning rate at %d rows a step is %d", (batchSize, rate) => {
  expect(defaultLearningRate(batchSize)).toBe(rate);
});

test("argmax picks the first of tied segments", () => {
  expect(argmaxSegments(Float64Array.from([0.2, 0.5, 0.3, 0.4, 0.4, 0.2]), 3)).toEqual(Int32Array.from([1, 0]));
});
