import { beforeAll, describe, expect, test } from "vitest";
import {
  bgnbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesIfAlive,
  fitBgNbd,
  probabilityAlive,
  simulateBgNbd,
  SummaryValidationError,
  type BgNbdFit,
  type BgNbdParams,
  type RfmSummary,
} from "@/lib/ml/clv";
import { purchasesIfAliveAt } from "@/lib/ml/clv/bgnbd";
import { createRng } from "@/lib/ml/random";
import { readCdnow } from "@/tests/support/readCdnow";

const summaryOf = (rows: [number, number, number][]): RfmSummary => ({
  frequency: Float64Array.from(rows, (row) => row[0]),
  recency: Float64Array.from(rows, (row) => row[1]),
  T: Float64Array.from(rows, (row) => row[2]),
});

/** FHL (2005) eq. 6 as printed, Γ and B ratios written as finite products (x is an integer). */
function naiveLikelihood({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  let gammaRatio = 1; // Γ(r + x) / Γ(r)
  let betaRatio = 1; // B(a, b + x) / B(a, b)
  for (let k = 0; k < x; k++) {
    gammaRatio *= r + k;
    betaRatio *= (b + k) / (a + b + k);
  }
  const alive = (betaRatio * gammaRatio * Math.pow(alpha, r)) / Math.pow(alpha + T, r + x);
  if (x === 0) return alive;
  // B(a + 1, b + x − 1) / B(a, b) = a Π_{k<x−1}(b + k) / Π_{k<x}(a + b + k)
  let droppedBeta = a / (a + b + x - 1);
  for (let k = 0; k < x - 1; k++) droppedBeta *= (b + k) / (a + b + k);
  return alive + (droppedBeta * gammaRatio * Math.pow(alpha, r)) / Math.pow(alpha + tx, r + x);
}

/**
 * Independent check of P(alive) and E[Y(t)]: the posterior over (λ, p) straight from the model,
 * λ integrated in closed form (gamma integrals), p numerically after p = v^(1/a), which removes
 * the p^(a−1) singularity. No hypergeometric function involved.
 */
function posteriorByIntegration({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number, t: number) {
  const steps = 200_000;
  let evidence = 0;
  let alive = 0;
  let purchases = 0;
  for (let k = 0; k < steps; k++) {
    const p = Math.pow((k + 0.5) / steps, 1 / a); // midpoint rule in v
    const prior = Math.pow(1 - p, b - 1);
    const aliveMass = Math.pow(1 - p, x) * Math.pow(alpha + T, -(r + x));
    const droppedMass = x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -(r + x)) : 0;
    evidence += prior * (aliveMass + droppedMass);
    alive += prior * aliveMass;
    // E[(1 − e^{−λpt}) / p] under the Gamma(r + x, α + T) posterior of λ for a live customer.
    purchases += (prior * Math.pow(1 - p, x) * (Math.pow(alpha + T, -(r + x)) - Math.pow(alpha + T + p * t, -(r + x)))) / p;
  }
  return { pAlive: alive / evidence, expected: purchases / evidence };
}

const CDNOW_TIGHT = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe("BG/NBD log-likelihood", () => {
  const customers: [number, number, number][] = [
    [0, 0, 5],
    [1, 2, 5],
    [3, 4.5, 6],
    [2, 1, 10],
    [5, 9.9, 10],
    [12, 30.2, 38.9],
  ];
  test.each([
    { r: 0.5, alpha: 3, a: 1.2, b: 2.5 },
    { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 },
    { r: 3, alpha: 0.4, a: 0.3, b: 7 },
  ])("equals the paper's formula evaluated directly at %o", (params) => {
    const direct = customers.reduce((sum, [x, tx, T]) => sum + Math.log(naiveLikelihood(params, x, tx, T)), 0);
    const value = bgnbdLogLikelihood(params, summaryOf(customers));
    expect(Math.abs(value - direct) / Math.abs(direct)).toBeLessThan(1e-9);
  });

  test("counts repeated customers once per occurrence", () => {
    const params = { r: 0.5, alpha: 3, a: 1.2, b: 2.5 };
    const once = bgnbdLogLikelihood(params, summaryOf([[2, 1, 10]]));
    expect(
      bgnbdLogLikelihood(
        params,
        summaryOf([
          [2, 1, 10],
          [2, 1, 10],
          [2, 1, 10],
        ]),
      ),
    ).toBeCloseTo(3 * once, 10);
  });
});

describe("summary validation", () => {
  test.each([
    {
      rows: [
        [0, 0, 5],
        [1, 2, 5],
        [2, 6, 5],
      ],
      index: 2,
      field: "recency",
    },
    {
      rows: [
        [0, 0, 5],
        [1.5, 2, 5],
      ],
      index: 1,
      field: "frequency",
    },
    {
      rows: [
        [0, 0, 5],
        [0, 1, 5],
      ],
      index: 1,
      field: "recency",
    },
    {
      rows: [
        [1, 1, 5],
        [2, 3, 4],
        [-1, 0, 3],
      ],
      index: 2,
      field: "frequency",
    },
    { rows: [[1, -1, 5]], index: 0, field: "recency" },
    {
      rows: [
        [0, 0, 5],
        [0, 0, Number.NaN],
      ],
      index: 1,
      field: "T",
    },
    {
      rows: [
        [0, 0, 5],
        [2, 1, 5],
        [3, 0, 5],
      ],
      index: 2,
      field: "recency",
    },
  ] as { rows: [number, number, number][]; index: number; field: string }[])(
    "names the first offending customer ($field at index $index)",
    ({ rows, index, field }) => {
      let caught: unknown;
      try {
        fitBgNbd(summaryOf(rows));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SummaryValidationError);
      expect((caught as SummaryValidationError).index).toBe(index);
      expect((caught as SummaryValidationError).field).toBe(field);
      expect((caught as Error).message).toContain(`index ${index}`);
    },
  );

  test("reports columns of different lengths", () => {
    const summary = { frequency: new Float64Array(3), recency: new Float64Array(2), T: new Float64Array(3) };
    expect(() => bgnbdLogLikelihood(CDNOW_TIGHT, summary)).toThrow(/recency has 2 values but frequency has 3/);
  });
});

describe("BG/NBD on CDNOW", () => {
  let fit: BgNbdFit;
  beforeAll(() => {
    fit = fitBgNbd(readCdnow());
  });

  test("reproduces the published maximum-likelihood estimates", () => {
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(0.2426, 4);
    expect(fit.alpha).toBeCloseTo(4.4135, 4);
    expect(fit.a).toBeCloseTo(0.7929, 4);
    expect(fit.b).toBeCloseTo(2.4258, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
  });

  test("lands on the same optimum from far-away starting values", () => {
    const other = fitBgNbd(readCdnow(), { initial: { r: 10, alpha: 1000, a: 0.1, b: 50 } });
    for (const key of ["r", "alpha", "a", "b"] as const) expect(Math.abs(other[key] / fit[key] - 1)).toBeLessThan(1e-5);
  });

  test("gives a positive-definite covariance with standard errors of the published size", () => {
    // FHL (2005) report SEs r 0.0125, α 0.3781, a 0.1850, b 0.7056; on the log scale SE ≈ SE / estimate.
    const se = fit.covarianceLog!.map((row, i) => Math.sqrt(row[i]));
    const published = [0.0125 / 0.2426, 0.3781 / 4.4135, 0.185 / 0.7929, 0.7056 / 2.4258];
    se.forEach((value, i) => expect(Math.abs(value / published[i] - 1)).toBeLessThan(0.05));
  });

  test("expects 1.226 purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86 (FHL 2005), as direct integration does", () => {
    const direct = posteriorByIntegration(fit, 2, 30.43, 38.86, 39);
    const value = expectedPurchases(fit, 39, 2, 30.43, 38.86);
    expect(value).toBeCloseTo(1.226, 3);
    expect(Math.abs(value / direct.expected - 1)).toBeLessThan(1e-6);
    expect(Math.abs(probabilityAlive(fit, 2, 30.43, 38.86) / direct.pAlive - 1)).toBeLessThan(1e-6);
  });

  test.each([
    [0, 0, 38.86],
    [1, 1.71, 38.86],
    [7, 35.0, 37.5],
    [50, 37.1, 38.86],
  ])("matches direct integration for x = %i, t_x = %f, T = %f", (x, tx, T) => {
    const direct = posteriorByIntegration(fit, x, tx, T, 52);
    expect(Math.abs(expectedPurchases(fit, 52, x, tx, T) / direct.expected - 1)).toBeLessThan(1e-6);
    expect(Math.abs(probabilityAlive(fit, x, tx, T) / direct.pAlive - 1)).toBeLessThan(1e-6);
  });
});

describe("P(alive) and expected purchases", () => {
  const params = CDNOW_TIGHT;

  test("a customer with no repeat purchase is alive with certainty in BG/NBD, however old", () => {
    // Drop-out can only follow a repeat purchase: this is the model's known quirk, not a bug.
    expect(probabilityAlive(params, 0, 0, 38.86)).toBe(1);
    expect(probabilityAlive(params, 0, 0, 5000)).toBe(1);
  });

  test("a repeat buyer silent since early on is less likely alive than one who just bought", () => {
    const silent = probabilityAlive(params, 3, 2, 38.86);
    const justBought = probabilityAlive(params, 3, 38.86, 38.86);
    expect(silent).toBeLessThan(0.2);
    expect(justBought).toBeGreaterThan(0.7);
    // With t_x = T the λ-terms cancel: P(alive) = 1 / (1 + a / (b + x − 1)).
    expect(justBought).toBeCloseTo(1 / (1 + params.a / (params.b + 2)), 12);
  });

  test("P(alive) rises with recency", () => {
    const values = [0.5, 5, 10, 20, 30, 38].map((tx) => probabilityAlive(params, 4, tx, 38.86));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
  });

  test("expected purchases grow with the horizon at a falling rate, from 0 at t = 0", () => {
    expect(expectedPurchases(params, 0, 2, 30.43, 38.86)).toBe(0);
    const values = Array.from({ length: 60 }, (_, k) => expectedPurchases(params, (k + 1) * 4, 2, 30.43, 38.86));
    for (let k = 1; k < values.length; k++) {
      expect(values[k]).toBeGreaterThan(values[k - 1]);
      if (k > 1) expect(values[k] - values[k - 1]).toBeLessThan(values[k - 1] - values[k - 2]);
    }
  });

  test("stays finite and continuous at a = 1, where the closed form is 0/0", () => {
    const at = (a: number) => expectedPurchases({ ...params, a }, 39, 2, 30.43, 38.86);
    const atOne = at(1);
    expect(Number.isFinite(atOne)).toBe(true);
    expect(Math.abs(atOne - 0.5 * (at(1 - 1e-3) + at(1 + 1e-3)))).toBeLessThan(1e-6);
  });
});

describe("expected purchases at several horizons in one pass", () => {
  test.each([
    { params: CDNOW_TIGHT, x: 2, T: 38.86, times: [4.35, 8.7, 26.1, 52.2] },
    { params: CDNOW_TIGHT, x: 200, T: 38.86, times: [4.35, 52.2] },
    { params: { r: 0.3, alpha: 2, a: 1.4, b: 0.6 }, x: 0, T: 0, times: [30.4, 182.6, 365.25] },
    { params: { r: 0.3, alpha: 40, a: 1 + 2e-6, b: 3 }, x: 5, T: 400, times: [30.4, 365.25] },
    { params: { r: 2, alpha: 40, a: 6, b: 3 }, x: 1, T: 100, times: [30.4, 365.25] },
  ])("agree with the single-horizon formula for x = $x, T = $T", ({ params, x, T, times }) => {
    const out = new Float64Array(times.length);
    purchasesIfAliveAt(params, x, T, Float64Array.from(times), out);
    times.forEach((t, m) => expect(Math.abs(out[m] / expectedPurchasesIfAlive(params, t, x, T) - 1)).toBeLessThan(1e-9));
  });
});

describe("BG/NBD fit on simulated customers", () => {
  test("recovers the generating parameters of 5,000 customers", () => {
    const truth = { r: 2, alpha: 10, a: 1.5, b: 4 };
    const rng = createRng(11);
    const T = Float64Array.from({ length: 5000 }, () => 50 + 50 * rng.next());
    const fit = fitBgNbd(simulateBgNbd(truth, T, 12));
    expect(fit.converged).toBe(true);
    (["r", "alpha", "a", "b"] as const).forEach((key, i) => {
      const logError = Math.log(fit[key] / truth[key]);
      expect(Math.abs(logError)).toBeLessThan(0.15);
      expect(Math.abs(logError)).toBeLessThan(3 * Math.sqrt(fit.covarianceLog![i][i]));
    });
  });
});
