import { describe, expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { fitPca, transformPca, truncatePca } from "@/lib/ml/segmentation";

/**
 * Eight points mean + t·u + e·v with u = (0.6, 0.8), v = (0.8, −0.6), t ∈ {−2, −1, 1, 2} and
 * e ∈ {−0.5, 0.5} in every combination, so t and e are uncorrelated. With the n − 1 divisor:
 * var(t) = 2(4 + 1 + 1 + 4)/7 = 20/7 along u, var(e) = 8 · 0.25/7 = 2/7 along v, total 22/7,
 * ratios 10/11 and 1/11. Sign rule (largest |loading| positive): u = (0.6, 0.8), v = (0.8, −0.6).
 */
const MEAN = [3, -1];
const U = [0.6, 0.8];
const V = [0.8, -0.6];
const LINE_POINTS = [-2, -1, 1, 2].flatMap((t) => [-0.5, 0.5].map((e) => MEAN.map((m, c) => m + t * U[c] + e * V[c])));

describe("PCA on constructed data", () => {
  const model = fitPca(LINE_POINTS, { components: 2 });

  test("recovers the mean, the directions and the explained variance", () => {
    model.mean.forEach((value, c) => expect(value).toBeCloseTo(MEAN[c], 12));
    model.components[0].forEach((value, c) => expect(value).toBeCloseTo(U[c], 12));
    model.components[1].forEach((value, c) => expect(value).toBeCloseTo(V[c], 12));
    expect(model.explainedVariance[0]).toBeCloseTo(20 / 7, 12);
    expect(model.explainedVariance[1]).toBeCloseTo(2 / 7, 12);
    expect(model.explainedVarianceRatio[0]).toBeCloseTo(10 / 11, 12);
    expect(model.explainedVarianceRatio[1]).toBeCloseTo(1 / 11, 12);
  });

  test("transform gives each point's (t, e)", () => {
    const projected = transformPca(model, [[MEAN[0] + 2 * U[0] + 0.5 * V[0], MEAN[1] + 2 * U[1] + 0.5 * V[1]]]);
    expect(projected.columns).toBe(2);
    expect(projected.data[0]).toBeCloseTo(2, 12);
    expect(projected.data[1]).toBeCloseTo(0.5, 12);
    expect(transformPca(model, LINE_POINTS, 1).columns).toBe(1);
  });

  test.each([
    [0.9, 1],
    [10 / 11, 1],
    [0.95, 2],
    [1, 2],
  ])("varianceToKeep %f keeps %i component(s)", (share, count) => {
    expect(fitPca(LINE_POINTS, { varianceToKeep: share }).components).toHaveLength(count);
  });

  test("truncating keeps the leading components", () => {
    const one = truncatePca(model, 1);
    expect(one.components).toEqual([model.components[0]]);
    expect(one.explainedVarianceRatio).toEqual([model.explainedVarianceRatio[0]]);
  });
});

describe("PCA on random correlated data", () => {
  test("components are orthonormal, by decreasing variance, largest loading positive", () => {
    const rng = createRng(4);
    const rows = Array.from({ length: 400 }, () => {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
      return [a, a + 0.3 * b, 2 * c, b - c, 0.1 * rng.normal()];
    });
    const model = fitPca(rows, { components: 5 });
    for (let p = 0; p < 5; p++) {
      for (let q = 0; q < 5; q++) {
        const dot = model.components[p].reduce((sum, value, c) => sum + value * model.components[q][c], 0);
        expect(dot).toBeCloseTo(p === q ? 1 : 0, 10);
      }
    }
    for (let p = 1; p < 5; p++) expect(model.explainedVariance[p]).toBeLessThanOrEqual(model.explainedVariance[p - 1]);
    expect(model.explainedVarianceRatio.reduce((sum, r) => sum + r, 0)).toBeCloseTo(1, 12);
    for (const axis of model.components) {
      const largest = axis.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });

  test.each([
    [{ components: 3 }, /components must be an integer in \[1, 2\]/],
    [{ varianceToKeep: 0 }, /varianceToKeep must be in \(0, 1\]/],
  ])("rejects %o", (options, message) => {
    expect(() => fitPca(LINE_POINTS, options)).toThrow(message);
  });
});
