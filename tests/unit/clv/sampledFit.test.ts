import { describe, expect, test } from "vitest";
import {
  bgnbdLogLikelihood,
  fitClv,
  gammaGammaLogLikelihood,
  lgamma,
  lgammaRatio,
  sampleRows,
  allRows,
  simulateBgNbd,
  simulateGammaGamma,
  type RfmSummary,
} from "@/lib/ml/clv";
import { bgnbdLogLikelihoodGradient } from "@/lib/ml/clv/bgnbd";
import { numericalGradient } from "@/lib/ml/clv/optimize";
import { createRng } from "@/lib/ml/random";

const TRUTH = { r: 0.25, alpha: 30, a: 0.8, b: 2.5 };
const SPEND = { p: 6, q: 4, gamma: 15 };

/** Customers observed for 30 to 730 whole days, as summaries from order lines are: many share (x, t_x, T). */
function simulated(n: number, seed: number) {
  const rng = createRng(seed);
  const T = Float64Array.from({ length: n }, () => 30 + rng.int(701));
  const summary = simulateBgNbd(TRUTH, T, seed + 1);
  return { ...summary, monetary: simulateGammaGamma(SPEND, summary.frequency, seed + 2) };
}

const one = (summary: RfmSummary, i: number): RfmSummary => ({
  frequency: summary.frequency.subarray(i, i + 1),
  recency: summary.recency.subarray(i, i + 1),
  T: summary.T.subarray(i, i + 1),
});

describe("the grouped BG/NBD likelihood", () => {
  const summary = simulated(3000, 5);

  test("equals the sum of every customer's own log-likelihood", () => {
    const params = { r: 0.3, alpha: 25, a: 0.9, b: 3 };
    let ungrouped = 0;
    for (let i = 0; i < summary.T.length; i++) ungrouped += bgnbdLogLikelihood(params, one(summary, i));
    expect(Math.abs(bgnbdLogLikelihood(params, summary) / ungrouped - 1)).toBeLessThan(1e-12);
  });

  test.each([
    { r: 0.3, alpha: 25, a: 0.9, b: 3 },
    { r: 2, alpha: 40, a: 1e5, b: 1e7 },
  ])("has the exact gradient the fit uses, agreeing with central differences at %o", (params) => {
    const logParams = [params.r, params.alpha, params.a, params.b].map(Math.log);
    const f = (v: readonly number[]) => bgnbdLogLikelihood({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) }, summary);
    const numeric = numericalGradient(f, logParams);
    const exact = bgnbdLogLikelihoodGradient(params, summary);
    exact.forEach((value, k) => expect(Math.abs(value - numeric[k])).toBeLessThan(1e-5 * (1 + Math.abs(numeric[k]))));
  });

  test("stays exact when a and b run off together (no drop-out signal): the limit is a fixed drop-out probability", () => {
    const customer = { frequency: Float64Array.of(7), recency: Float64Array.of(300), T: Float64Array.of(400) };
    const p = 0.01;
    // a, b → ∞ with a / (a + b) = p: the customer is alive with (1 − p)^x, else dropped out after the last purchase.
    const { r, alpha } = TRUTH;
    const x = 7;
    let gammaRatio = 0;
    for (let k = 0; k < x; k++) gammaRatio += Math.log(r + k);
    const poisson = (t: number) => gammaRatio + r * Math.log(alpha) - (r + x) * Math.log(alpha + t);
    const limit = Math.log(Math.pow(1 - p, x) * Math.exp(poisson(400)) + p * Math.pow(1 - p, x - 1) * Math.exp(poisson(300)));
    const value = bgnbdLogLikelihood({ r, alpha, a: p * 1e12, b: (1 - p) * 1e12 }, customer);
    expect(Math.abs(value - limit)).toBeLessThan(1e-9);
  });
});

describe("the Gamma-Gamma likelihood with a large q", () => {
  test("log Γ(q + s) − log Γ(q) agrees with the plain difference for moderate q and with an exact sum for large q", () => {
    for (const [q, s] of [
      [15, 0.5],
      [40.2, 7.7],
      [2e3, 2.5],
    ]) {
      expect(Math.abs(lgammaRatio(q, s) - (lgamma(q + s) - lgamma(q)))).toBeLessThan(1e-11 * Math.max(1, lgamma(q + s)));
    }
    // For whole s the ratio is Σ_{k<s} log(q + k), with no cancellation at all.
    let exact = 0;
    for (let k = 0; k < 40; k++) exact += Math.log(1e9 + k);
    expect(Math.abs(lgammaRatio(1e9, 40) / exact - 1)).toBeLessThan(1e-14);
  });

  test("has a finite, smooth limit as q and γ run off together (everyone spends alike)", () => {
    const frequency = Float64Array.of(1, 3, 5);
    const monetary = Float64Array.of(40, 55, 47);
    const at = (scale: number) => gammaGammaLogLikelihood({ p: 5, q: scale, gamma: scale * 10 }, frequency, monetary);
    expect(Math.abs(at(1e10) - at(1e11))).toBeLessThan(1e-6);
  });
});

describe("fits on a seeded sample", () => {
  const summary = simulated(100_000, 1);
  const model = fitClv(summary, { maxCustomers: 20_000, seed: 1 });

  test("see at most that many customers, and as many repeat buyers for Gamma-Gamma", () => {
    expect(model.customers).toBe(100_000);
    expect(model.bgnbd.customers).toBe(20_000);
    expect(model.gammaGamma!.customers).toBe(20_000);
  });

  // With 20,000 customers: r, α, p, q, γ within 5% of the truth, a and b (weakly identified) within 20%.
  test.each([
    ["r", TRUTH.r, () => model.bgnbd.r, 0.05],
    ["alpha", TRUTH.alpha, () => model.bgnbd.alpha, 0.05],
    ["a", TRUTH.a, () => model.bgnbd.a, 0.2],
    ["b", TRUTH.b, () => model.bgnbd.b, 0.2],
    ["p", SPEND.p, () => model.gammaGamma!.p, 0.05],
    ["q", SPEND.q, () => model.gammaGamma!.q, 0.05],
    ["gamma", SPEND.gamma, () => model.gammaGamma!.gamma, 0.05],
  ] as const)("recover %s = %d within the stated tolerance", (_name, truth, estimate, tolerance) => {
    expect(Math.abs(estimate() / truth - 1)).toBeLessThan(tolerance);
  });

  test("are the same for the same seed and use every customer when they are fewer than the limit", () => {
    const again = fitClv(summary, { maxCustomers: 20_000, seed: 1 });
    expect(again.bgnbd.r).toBe(model.bgnbd.r);
    expect(sampleRows(allRows(10), 20, 3)).toEqual(allRows(10));
    const picked = sampleRows(allRows(1000), 100, 3);
    expect(new Set(picked).size).toBe(100);
    expect([...picked]).toEqual([...picked].sort((x, y) => x - y));
  });
});
