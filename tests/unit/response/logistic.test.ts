import { describe, expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { computeClassWeights, fitLogistic, predictLogistic, sigmoid } from "@/lib/ml/response/logistic";

/** n rows of 3 standard-normal features, labels drawn from σ(−1 + 2·x₀ − x₁ + 0·x₂). */
function simulate(n: number, seed: number) {
  const rng = createRng(seed);
  const matrix = new Float64Array(n * 3);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) matrix[i * 3 + j] = rng.normal();
    labels[i] = rng.next() < sigmoid(-1 + 2 * matrix[i * 3] - matrix[i * 3 + 1]) ? 1 : 0;
  }
  return { matrix, labels };
}

const data = simulate(20_000, 11);

describe("logistic regression", () => {
  test("recovers the coefficients of simulated data", () => {
    // Standard errors at n = 20,000 are about 0.03; 0.1 is more than three of them.
    const model = fitLogistic(data.matrix, 3, data.labels, { l2: 0 });
    expect(model.converged).toBe(true);
    expect(model.intercept).toBeCloseTo(-1, 0);
    expect(Math.abs(model.intercept + 1)).toBeLessThan(0.1);
    [2, -1, 0].forEach((beta, j) => expect(Math.abs(model.coefficients[j] - beta)).toBeLessThan(0.1));
  });

  test("stops where the penalised gradient is zero", () => {
    // Optimality: Σ (pᵢ − yᵢ)·xᵢⱼ + l2·βⱼ = 0 for every coefficient, Σ (pᵢ − yᵢ) = 0 for the intercept.
    const l2 = 500;
    const model = fitLogistic(data.matrix, 3, data.labels, { l2 });
    const p = predictLogistic(model, data.matrix, 3);
    const gradient = [0, 0, 0, 0];
    for (let i = 0; i < data.labels.length; i++) {
      gradient[0] += p[i] - data.labels[i];
      for (let j = 0; j < 3; j++) gradient[j + 1] += (p[i] - data.labels[i]) * data.matrix[i * 3 + j];
    }
    model.coefficients.forEach((b, j) => (gradient[j + 1] += l2 * b));
    gradient.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-6));
  });

  test("a stronger penalty shrinks the coefficients", () => {
    const norm = (l2: number) => Math.hypot(...fitLogistic(data.matrix, 3, data.labels, { l2 }).coefficients);
    expect(norm(5000)).toBeLessThan(norm(50));
  });

  test("balanced class weights move the intercept by log(w₁ / w₀) and leave the slopes", () => {
    // Weighting a correctly specified model only shifts its intercept.
    const plain = fitLogistic(data.matrix, 3, data.labels, { l2: 0 });
    const weighted = fitLogistic(data.matrix, 3, data.labels, { l2: 0, classWeight: "balanced" });
    const w = computeClassWeights(data.labels, "balanced");
    expect(Math.abs(weighted.intercept - plain.intercept - Math.log(w.positive / w.negative))).toBeLessThan(0.1);
    plain.coefficients.forEach((b, j) => expect(Math.abs(weighted.coefficients[j] - b)).toBeLessThan(0.1));
  });

  test("balanced weights are n / (2 · class count)", () => {
    // 1 positive, 3 negatives: 4/(2·1) = 2 and 4/(2·3) = 2/3.
    expect(computeClassWeights([1, 0, 0, 0], "balanced")).toEqual({ negative: 2 / 3, positive: 2 });
  });

  test("the same data gives the same model", () => {
    expect(fitLogistic(data.matrix, 3, data.labels)).toEqual(fitLogistic(data.matrix, 3, data.labels));
  });

  test("rejects a matrix of the wrong size", () => {
    expect(() => fitLogistic(new Float64Array(5), 3, [0, 1])).toThrow(/5 values, expected 2 × 3/);
  });
});
