import { describe, expect, test } from "vitest";
import { conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood, simulateGammaGamma } from "@/lib/ml/clv";
import { createRng } from "@/lib/ml/random";
import { readCdnow } from "@/tests/support/readCdnow";

/**
 * Fader & Hardie's density of the mean spend of x transactions with integer p and q, so the
 * gamma functions are factorials: Γ(px+q)/(Γ(px)Γ(q)) γ^q m^(px−1) x^(px) / (γ + m x)^(px+q).
 */
function naiveDensity(p: number, q: number, gamma: number, x: number, m: number): number {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const ratio = factorial(p * x + q - 1) / (factorial(p * x - 1) * factorial(q - 1));
  return (ratio * gamma ** q * m ** (p * x - 1) * x ** (p * x)) / (gamma + m * x) ** (p * x + q);
}

describe("Gamma-Gamma log-likelihood", () => {
  const frequency = Float64Array.from([1, 2, 3, 5, 0, 4]);
  const monetary = Float64Array.from([12.5, 30, 8.2, 21, 0, 0]);

  test.each([
    [1, 2, 10],
    [2, 3, 25.5],
    [3, 1, 4],
  ])("equals the density evaluated directly for p = %i, q = %i, γ = %f, skipping x = 0 and zero spend", (p, q, gamma) => {
    let direct = 0;
    for (let i = 0; i < 4; i++) direct += Math.log(naiveDensity(p, q, gamma, frequency[i], monetary[i]));
    const value = gammaGammaLogLikelihood({ p, q, gamma }, frequency, monetary);
    expect(Math.abs(value - direct) / Math.abs(direct)).toBeLessThan(1e-9);
  });

  test("names the customer with a non-finite spend", () => {
    expect(() => gammaGammaLogLikelihood({ p: 1, q: 2, gamma: 3 }, Float64Array.from([1, 2]), Float64Array.from([3, NaN]))).toThrow(
      /index 1: monetary must be finite/,
    );
  });
});

describe("conditional expected spend", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  test("is the population mean pγ/(q − 1) for a customer without repeat purchases", () => {
    expect(conditionalExpectedSpend(params, 0, 99)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  test("weights the customer's own mean by px / (px + q − 1)", () => {
    // x = 2, mean 22.35: (6.25 · (15.44 + 44.7)) / (12.5 + 2.74) = 375.875 / 15.24
    expect(conditionalExpectedSpend(params, 2, 22.35)).toBeCloseTo(375.875 / 15.24, 12);
  });

  test("moves towards the customer's own mean as purchases accumulate", () => {
    const gaps = [1, 5, 25, 125].map((x) => Math.abs(conditionalExpectedSpend(params, x, 80) - 80));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
  });

  test("is infinite when q <= 1 leaves the population mean undefined", () => {
    expect(conditionalExpectedSpend({ p: 2, q: 0.8, gamma: 5 }, 0, 0)).toBe(Infinity);
  });
});

describe("Gamma-Gamma fit", () => {
  test("reproduces the published estimates on the 946 CDNOW repeat buyers", () => {
    const cdnow = readCdnow();
    const fit = fitGammaGamma(cdnow.frequency, cdnow.monetary);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.p).toBeCloseTo(6.249, 3);
    expect(fit.q).toBeCloseTo(3.745, 3);
    expect(fit.gamma).toBeCloseTo(15.448, 3);
  });

  test("recovers the generating parameters of 5,000 simulated customers", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const rng = createRng(5);
    const frequency = Float64Array.from({ length: 5000 }, () => 1 + rng.int(10));
    const fit = fitGammaGamma(frequency, simulateGammaGamma(truth, frequency, 6));
    expect(fit.converged).toBe(true);
    (["p", "q", "gamma"] as const).forEach((key, i) => {
      const logError = Math.log(fit[key] / truth[key]);
      expect(Math.abs(logError)).toBeLessThan(0.3);
      expect(Math.abs(logError)).toBeLessThan(3 * Math.sqrt(fit.covarianceLog![i][i]));
    });
  });

  test("needs at least two repeat buyers with positive spend", () => {
    expect(() => fitGammaGamma(Float64Array.from([0, 1, 3]), Float64Array.from([0, 10, 0]))).toThrow(/at least 2 customers/);
  });
});
