import { beforeAll, describe, expect, test } from "vitest";
import {
  conditionalExpectedSpend,
  createIntervalTables,
  expectedPurchases,
  fitClv,
  historicalClv,
  lifetimeValue,
  PERIODS_PER_MONTH,
  scoreClv,
  simulateBgNbd,
  simulateGammaGamma,
  SummaryValidationError,
  type ClvModel,
  type RfmSummary,
} from "@/lib/ml/clv";
import { createRng } from "@/lib/ml/random";
import { readCdnow } from "@/tests/support/readCdnow";

const WEEKS = { periodsPerMonth: PERIODS_PER_MONTH.weeks };
const pick = (summary: RfmSummary & { monetary: Float64Array }, indices: number[]) => ({
  frequency: Float64Array.from(indices, (i) => summary.frequency[i]),
  recency: Float64Array.from(indices, (i) => summary.recency[i]),
  T: Float64Array.from(indices, (i) => summary.T[i]),
  monetary: Float64Array.from(indices, (i) => summary.monetary[i]),
});

let cdnow: ReturnType<typeof readCdnow>;
let model: ClvModel;
beforeAll(() => {
  cdnow = readCdnow();
  model = fitClv(cdnow);
});

describe("point CLV", () => {
  const customers = [0, 1, 2, 10, 100];

  test("without discounting is expected spend × expected purchases over the horizon", () => {
    const scores = scoreClv(model, cdnow, { ...WEEKS, monthlyDiscountRate: 0, intervals: false });
    for (const i of customers) {
      const [x, tx, T, m] = [cdnow.frequency[i], cdnow.recency[i], cdnow.T[i], cdnow.monetary[i]];
      const purchases = expectedPurchases(model.bgnbd, 12 * PERIODS_PER_MONTH.weeks, x, tx, T);
      expect(scores.expectedPurchases[i]).toBeCloseTo(purchases, 10);
      expect(scores.clv[i]).toBeCloseTo(conditionalExpectedSpend(model.gammaGamma!, x, m) * purchases, 8);
    }
  });

  test("discounts each month's expected purchases at the month's end, as lifetimes does", () => {
    const scores = scoreClv(model, cdnow, { ...WEEKS, horizonMonths: 2, monthlyDiscountRate: 0.05, margin: 0.3, intervals: false });
    for (const i of customers) {
      const [x, tx, T, m] = [cdnow.frequency[i], cdnow.recency[i], cdnow.T[i], cdnow.monetary[i]];
      const first = expectedPurchases(model.bgnbd, PERIODS_PER_MONTH.weeks, x, tx, T);
      const both = expectedPurchases(model.bgnbd, 2 * PERIODS_PER_MONTH.weeks, x, tx, T);
      const expected = 0.3 * conditionalExpectedSpend(model.gammaGamma!, x, m) * (first / 1.05 + (both - first) / 1.05 ** 2);
      expect(scores.clv[i]).toBeCloseTo(expected, 10);
    }
  });

  test("single-customer lifetimeValue agrees with the columnar score and P(alive)", () => {
    const scores = scoreClv(model, cdnow, { ...WEEKS, intervals: false });
    for (const i of customers) {
      const customer = { x: cdnow.frequency[i], tx: cdnow.recency[i], T: cdnow.T[i], monetary: cdnow.monetary[i] };
      expect(lifetimeValue(model.bgnbd, model.gammaGamma!, customer, WEEKS)).toBeCloseTo(scores.clv[i], 10);
    }
    expect(scores.pAlive[2]).toBe(1); // x = 0
    expect(scores.clvLow).toBeNull();
  });

  test("rejects a model without a spend model and a summary without spend", () => {
    const noSpend = { frequency: cdnow.frequency, recency: cdnow.recency, T: cdnow.T };
    expect(() => scoreClv({ ...model, gammaGamma: null }, cdnow)).toThrow(/no spend model/);
    expect(() => scoreClv(model, noSpend)).toThrow(/needs a monetary column/);
  });

  test("without Gamma-Gamma, spend shrinkage stands in: the customer's average pulled toward everyone's, and no interval", () => {
    const withGammaGamma = scoreClv(model, cdnow, { ...WEEKS, intervals: false });
    const shrunk = scoreClv({ ...model, gammaGamma: null, spendShrinkage: { mean: 40, strength: 1 } }, cdnow, WEEKS);
    expect(shrunk.clvLow).toBeNull();
    for (const i of [0, 1, 2, 10, 100]) {
      const [x, m] = [cdnow.frequency[i], cdnow.monetary[i]];
      expect(shrunk.pAlive[i]).toBe(withGammaGamma.pAlive[i]);
      const perSpend = withGammaGamma.clv[i] / conditionalExpectedSpend(model.gammaGamma!, x, m);
      expect(shrunk.clv[i]).toBeCloseTo(((x * m + 40) / (x + 1)) * perSpend, 8);
    }
  });

  test("names the offending customer of an invalid summary", () => {
    const broken = pick(cdnow, [0, 1, 2, 3]);
    broken.recency[3] = broken.T[3] + 1;
    expect(() => scoreClv(model, broken, WEEKS)).toThrow(SummaryValidationError);
    expect(() => scoreClv(model, broken, WEEKS)).toThrow(/index 3: recency must lie in \[0, T/);
  });
});

describe("CLV interval from parameter uncertainty", () => {
  test("contains the point estimate for every CDNOW customer", () => {
    const scores = scoreClv(model, cdnow, WEEKS);
    for (let i = 0; i < cdnow.frequency.length; i++) {
      expect(scores.clvLow![i]).toBeLessThan(scores.clv[i]);
      expect(scores.clvHigh![i]).toBeGreaterThan(scores.clv[i]);
    }
  });

  test("is reproducible with the same seed and changes with another", () => {
    const first = scoreClv(model, cdnow, { ...WEEKS, seed: 7 });
    const again = scoreClv(model, cdnow, { ...WEEKS, seed: 7 });
    const other = scoreClv(model, cdnow, { ...WEEKS, seed: 8 });
    expect(again.clvLow).toEqual(first.clvLow);
    expect(again.clvHigh).toEqual(first.clvHigh);
    expect(other.clvLow).not.toEqual(first.clvLow);
  });

  test("interpolating across T (large groups) agrees with exact evaluation (customer scored alone)", () => {
    // In the full data the x = 0 … 4 groups have more distinct T (84, 84, 78, 58, 45) than interpolation points (32).
    const all = scoreClv(model, cdnow, WEEKS);
    for (const i of [0, 1, 2, 3, 5, 1000]) {
      const alone = scoreClv(model, pick(cdnow, [i]), WEEKS);
      expect(Math.abs(alone.clvLow![0] / all.clvLow![i] - 1)).toBeLessThan(1e-8);
      expect(Math.abs(alone.clvHigh![0] / all.clvHigh![i] - 1)).toBeLessThan(1e-8);
    }
  });

  test("interpolation stays exact over a wide day range (T from 0 to 1,000 days, small α)", () => {
    const rng = createRng(21);
    const ages = Float64Array.from({ length: 3000 }, () => rng.int(1001));
    const simulated = simulateBgNbd({ r: 0.4, alpha: 10, a: 0.9, b: 3 }, ages, 22);
    const days = { ...simulated, monetary: simulateGammaGamma({ p: 5, q: 3, gamma: 20 }, simulated.frequency, 23) };
    const dayModel = fitClv(days);
    const all = scoreClv(dayModel, days, { seed: 4 });
    const zeroAge = days.T.indexOf(0);
    for (const i of [0, 1, 2, 3, 4, 5, zeroAge]) {
      const alone = scoreClv(dayModel, pick(days, [i]), { seed: 4 });
      expect(Math.abs(alone.clvLow![0] / all.clvLow![i] - 1)).toBeLessThan(1e-7);
      expect(Math.abs(alone.clvHigh![0] / all.clvHigh![i] - 1)).toBeLessThan(1e-7);
    }
  });

  test("kept tables (the scoring API's batches) give the one-off intervals, batch after batch, and are rebuilt when the draws change", () => {
    const rng = createRng(31);
    const ages = Float64Array.from({ length: 2000 }, () => rng.int(1500));
    const simulated = simulateBgNbd({ r: 0.4, alpha: 10, a: 0.9, b: 3 }, ages, 32);
    const days = { ...simulated, monetary: simulateGammaGamma({ p: 5, q: 3, gamma: 20 }, simulated.frequency, 33) };
    const dayModel = fitClv(days);
    const older = Array.from({ length: 2000 }, (_, i) => i).find((i) => days.T[i] > 1200)!;
    for (const tables of [createIntervalTables(), createIntervalTables(1200)]) {
      let keptBefore: unknown;
      for (const [seed, batch] of [
        [4, [0, 1, 2, 3]],
        [4, [4, 5, 6, 7, 8, 9]],
        [5, [0, 1, 2, 3]],
      ] as const) {
        const sample = pick(days, [...batch, older]);
        const oneOff = scoreClv(dayModel, sample, { seed });
        const kept = scoreClv(dayModel, sample, { seed, tables });
        for (let i = 0; i < sample.T.length; i++) {
          expect(Math.abs(kept.clvLow![i] / oneOff.clvLow![i] - 1)).toBeLessThan(1e-7);
          expect(Math.abs(kept.clvHigh![i] / oneOff.clvHigh![i] - 1)).toBeLessThan(1e-7);
        }
        const table = tables.byFit.get(dayModel.bgnbd)!.byFrequency.get(days.frequency[0]);
        if (seed === 4 && keptBefore) expect(table).toBe(keptBefore);
        if (seed === 5) expect(table).not.toBe(keptBefore);
        keptBefore ??= table;
      }
      expect(tables.byFit.get(dayModel.bgnbd)).toMatchObject({ draws: 200, seed: 5 });
    }
  });

  test("one call builds at most four kept tables; the other new frequencies are scored one-off, with the same result", () => {
    const frequency = Float64Array.from({ length: 30 }, (_, i) => i);
    const sample = {
      frequency,
      recency: Float64Array.from(frequency, (x) => (x === 0 ? 0 : 30)),
      T: Float64Array.from(frequency, () => 60),
      monetary: Float64Array.from(frequency, (x) => (x === 0 ? 0 : 25)),
    };
    const tables = createIntervalTables();
    const kept = scoreClv(model, sample, { ...WEEKS, tables });
    const oneOff = scoreClv(model, sample, WEEKS);
    expect(tables.byFit.get(model.bgnbd)!.byFrequency.size).toBe(4);
    for (let i = 0; i < 30; i++) expect(Math.abs(kept.clvHigh![i] / oneOff.clvHigh![i] - 1)).toBeLessThan(1e-7);
    scoreClv(model, sample, { ...WEEKS, tables });
    expect(tables.byFit.get(model.bgnbd)!.byFrequency.size).toBe(8);
  });

  test("a fit without a covariance to sample fails its interval once per kept key, not once per call", () => {
    const improper = { ...model, bgnbd: { ...model.bgnbd, covarianceLog: null } };
    const sample = pick(cdnow, [0, 1, 10]);
    const tables = createIntervalTables();
    const failure = (seed: number) => {
      try {
        scoreClv(improper, sample, { ...WEEKS, seed, tables });
      } catch (error) {
        return error;
      }
      throw new Error("scored an interval without a covariance");
    };
    const first = failure(1);
    expect(first).toBeInstanceOf(RangeError);
    expect((first as RangeError).message).toMatch(/no positive-definite covariance/);
    expect(failure(1)).toBe(first);
    const otherSeed = failure(2);
    expect(otherSeed).not.toBe(first);
    expect(otherSeed).toEqual(first);
    expect(tables.byFit.get(improper.bgnbd)!.made).toBe(otherSeed);
    // The same tables still serve a proper fit afterwards.
    const proper = scoreClv(model, sample, { ...WEEKS, seed: 1, tables });
    const oneOff = scoreClv(model, sample, { ...WEEKS, seed: 1 });
    for (let i = 0; i < 3; i++) expect(Math.abs(proper.clvHigh![i] / oneOff.clvHigh![i] - 1)).toBeLessThan(1e-7);
  });

  const scale = (matrix: number[][] | null) => matrix!.map((row) => row.map((v) => v / 100));
  /** The CDNOW fit's point estimates with a hundredth of its parameter covariance. */
  const precise = () => ({
    ...model,
    bgnbd: { ...model.bgnbd, covarianceLog: scale(model.bgnbd.covarianceLog) },
    gammaGamma: { ...model.gammaGamma!, covarianceLog: scale(model.gammaGamma!.covarianceLog) },
  });

  test("two fits sharing kept tables (a run's order-line and profile fits) each keep their own draws, even at equal estimates", () => {
    const other = precise();
    const sample = pick(cdnow, [0, 1, 10, 100]);
    const tables = createIntervalTables();
    for (const fit of [model, other, model, other]) {
      const kept = scoreClv(fit, sample, { ...WEEKS, tables });
      const oneOff = scoreClv(fit, sample, WEEKS);
      for (let i = 0; i < 4; i++) expect(Math.abs(kept.clvHigh![i] / oneOff.clvHigh![i] - 1)).toBeLessThan(1e-7);
    }
    const first = tables.byFit.get(model.bgnbd)!;
    scoreClv(other, sample, { ...WEEKS, tables });
    expect(tables.byFit.get(model.bgnbd)).toBe(first);
  });

  test("narrows about tenfold when the parameter covariance shrinks a hundredfold", () => {
    const narrowed = precise();
    const sample = pick(cdnow, [0, 1, 10, 100]);
    const wide = scoreClv(model, sample, WEEKS);
    const narrow = scoreClv(narrowed, sample, WEEKS);
    for (let i = 0; i < 4; i++) {
      const ratio = (wide.clvHigh![i] - wide.clvLow![i]) / (narrow.clvHigh![i] - narrow.clvLow![i]);
      expect(ratio).toBeGreaterThan(8);
      expect(ratio).toBeLessThan(12.5);
    }
  });
});

describe("historicalClv", () => {
  test("annualises spend and applies the margin", () => {
    expect(historicalClv(1200, 2, 0.3)).toBeCloseTo(180, 12);
    expect(historicalClv(500, 0.5)).toBe(1000);
  });

  test("refuses to annualise a zero span", () => {
    expect(() => historicalClv(100, 0)).toThrow(/spanYears must be > 0/);
  });
});
