import { describe, expect, test } from "vitest";
import { kolmogorovSurvival, ksPValue, sampleDistance } from "@/lib/ml/drift";
import { sortedSketch } from "@/lib/ml/drift/sample";
import { createRng } from "@/lib/ml/random";

describe("Kolmogorov distribution", () => {
  // Critical values of √n·D from standard tables: 1.2238 (10%), 1.3581 (5%), 1.6276 (1%), 1.9495 (0.1%),
  // and the CDF values K(0.5) = 0.036055, K(1) = 0.730000 (Smirnov 1948; scipy.stats.kstwobign agrees).
  test.each([
    [0.5, 0.963945],
    [1.0, 0.27],
    [1.2238, 0.1],
    [1.36, 0.049486],
    [1.3581, 0.05],
    [1.63, 0.009846],
    [1.6276, 0.01],
    [1.9495, 0.001],
  ])("Q_KS(%d) ≈ %d", (lambda, survival) => {
    expect(kolmogorovSurvival(lambda)).toBeCloseTo(survival, 4);
  });

  test("the two series agree where the implementation switches between them", () => {
    // Q_KS changes by about 0.58·1e-9 over the step, so agreement to 1e-8 means the series match.
    expect(kolmogorovSurvival(1.18 - 1e-9)).toBeCloseTo(kolmogorovSurvival(1.18), 8);
  });

  test("is 1 at 0, decreasing, and vanishing far in the tail", () => {
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.05)).toBe(1);
    expect(kolmogorovSurvival(0.8)).toBeGreaterThan(kolmogorovSurvival(0.9));
    expect(kolmogorovSurvival(10)).toBeLessThan(1e-80);
  });

  test("p-value uses the effective sample size n·m/(n+m)", () => {
    // n = m = 200 → effective 100, so D = 0.13581 gives λ = 10 · 0.13581 = 1.3581, the 5% point.
    expect(ksPValue(0.13581, 200, 200)).toBeCloseTo(0.05, 4);
  });
});

describe("KS statistic and Wasserstein-1 of two samples", () => {
  test("match the hand-computed CDF gaps", () => {
    // a = {1,2,3,4}, b = {3,4,5,6,7}. F_a − F_b on each interval:
    // [1,2) ¼−0 = .25, [2,3) ½−0 = .5, [3,4) ¾−⅕ = .55, [4,5) 1−⅖ = .6, [5,6) 1−⅗ = .4, [6,7) 1−⅘ = .2.
    // KS = max = 0.6; W1 = Σ gap × width 1 = 2.5.
    const { ks, wasserstein } = sampleDistance([1, 2, 3, 4], [3, 4, 5, 6, 7]);
    expect(ks).toBeCloseTo(0.6, 12);
    expect(wasserstein).toBeCloseTo(2.5, 12);
  });

  test("move tied values together", () => {
    // a = {0,0,1}, b = {0,1,1}: at 0 the CDFs are ⅔ and ⅓, at 1 both are 1. KS = ⅓, W1 = ⅓·1.
    const { ks, wasserstein } = sampleDistance([0, 0, 1], [0, 1, 1]);
    expect(ks).toBeCloseTo(1 / 3, 12);
    expect(wasserstein).toBeCloseTo(1 / 3, 12);
  });

  test("Wasserstein of a translated sample is the translation", () => {
    const rng = createRng(3);
    const a = Float64Array.from({ length: 500 }, () => rng.normal()).sort();
    const b = a.map((x) => x + 0.7);
    expect(sampleDistance(a, b).wasserstein).toBeCloseTo(0.7, 9);
  });
});

describe("sorted sketch", () => {
  test("keeps every value when the sample fits", () => {
    expect(sortedSketch(Float64Array.from([1, 2, 2, 5]), 4)).toEqual([1, 2, 2, 5]);
  });

  test("takes the order statistics at ranks ⌊(i + ½)·n/Q⌋", () => {
    // n = 10, Q = 4: ranks ⌊1.25⌋, ⌊3.75⌋, ⌊6.25⌋, ⌊8.75⌋ = 1, 3, 6, 8.
    const sorted = Float64Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(sortedSketch(sorted, 4)).toEqual([11, 13, 16, 18]);
  });

  test("stays within the documented error of the full sample (KS ½/Q, W1 (max−min)/Q)", () => {
    const rng = createRng(11);
    const reference = Float64Array.from({ length: 20_000 }, () => Math.exp(rng.normal())).sort();
    const current = Float64Array.from({ length: 5_000 }, () => Math.exp(0.2 + rng.normal())).sort();
    const size = 200;
    const exact = sampleDistance(reference, current);
    const sketched = sampleDistance(sortedSketch(reference, size), current);
    const range = reference[reference.length - 1] - reference[0];
    expect(Math.abs(sketched.ks - exact.ks)).toBeLessThanOrEqual(0.5 / size + 1 / reference.length);
    expect(Math.abs(sketched.wasserstein - exact.wasserstein)).toBeLessThanOrEqual(range / size);
    expect(exact.ks).toBeGreaterThan(0.05);
  });
});
