/**
 * The CLV model as the app uses it: BG/NBD for purchase counts plus Gamma-Gamma for spend,
 * fitted together on one summary and scored in columns. The fitted model is plain JSON data.
 */
import { fitBgNbd, probabilityAlive, type BgNbdFit, type BgNbdFitOptions } from "./bgnbd";
import { clvIntervals, type IntervalOptions } from "./clvInterval";
import { conditionalExpectedSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaFitOptions } from "./gammaGamma";
import { buildMonthGrid, purchasesIfAlive, type LifetimeValueOptions } from "./lifetimeValue";
import { validateSummary, type RfmSummary } from "./rfmSummary";
import { allRows, sampleRows, selectRows } from "./sample";

export interface ClvModel {
  bgnbd: BgNbdFit;
  /** Null when the summary has no monetary column, or when the fit failed and `spendShrinkage` stands in. */
  gammaGamma: GammaGammaFit | null;
  /**
   * When Gamma-Gamma cannot be fitted (on very uneven spend its likelihood has no maximum), the
   * expected spend per purchase is the customer's own average shrunk toward everyone's:
   * (x·m + strength·mean) / (x + strength). It gives no interval.
   */
  spendShrinkage?: { mean: number; strength: number };
  customers: number;
}

export interface FitClvOptions {
  bgnbd?: BgNbdFitOptions;
  gammaGamma?: GammaGammaFitOptions;
  /** BG/NBD on at most this many customers, Gamma-Gamma on at most this many repeat buyers: seeded samples (default: all). */
  maxCustomers?: number;
  /** Seed of the samples (default 1). */
  seed?: number;
}

export interface ScoreClvOptions extends LifetimeValueOptions, IntervalOptions {
  /** Compute clvLow / clvHigh from parameter draws (default true). */
  intervals?: boolean;
}

/** Per customer, in summary order. Expected purchases are over the whole horizon, undiscounted. */
export interface ClvScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
  clvLow: Float64Array | null;
  clvHigh: Float64Array | null;
}

export function fitClv(summary: RfmSummary, options: FitClvOptions = {}): ClvModel {
  validateSummary(summary);
  const n = summary.frequency.length;
  const limit = options.maxCustomers ?? n;
  const seed = options.seed ?? 1;
  const bgnbd = fitBgNbd(selectRows(summary, sampleRows(allRows(n), limit, seed)), options.bgnbd);
  const { monetary } = summary;
  if (!monetary) return { bgnbd, gammaGamma: null, customers: n };
  // Gamma-Gamma reads repeat buyers only: sampled among them, so it keeps up to `limit` of them.
  const repeat = repeatBuyers(summary.frequency, monetary);
  const spend = selectRows(summary, sampleRows(repeat, limit, seed + 1));
  const gammaGamma = fitGammaGamma(spend.frequency, spend.monetary!, options.gammaGamma);
  return { bgnbd, gammaGamma, customers: n };
}

/** Rows with a repeat purchase and a positive mean spend: the customers Gamma-Gamma is fitted on. */
export function repeatBuyers(frequency: Float64Array, monetary: Float64Array): Int32Array {
  let count = 0;
  for (let i = 0; i < frequency.length; i++) if (frequency[i] >= 1 && monetary[i] > 0) count++;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < frequency.length; i++) if (frequency[i] >= 1 && monetary[i] > 0) rows[k++] = i;
  return rows;
}

/** Pooled mean spend per repeat purchase: the fallback spend model when Gamma-Gamma does not fit. */
export function fitSpendShrinkage(summary: RfmSummary, strength = 1): NonNullable<ClvModel["spendShrinkage"]> {
  let spend = 0;
  let purchases = 0;
  for (let i = 0; i < summary.frequency.length; i++) {
    const m = summary.monetary?.[i] ?? 0;
    if (summary.frequency[i] >= 1 && m > 0) {
      spend += summary.frequency[i] * m;
      purchases += summary.frequency[i];
    }
  }
  if (purchases === 0) throw new RangeError("fitSpendShrinkage: no repeat purchase with spend");
  return { mean: spend / purchases, strength };
}

/** E[spend per purchase | x, mean spend m] under the model's spend part: Gamma-Gamma, or shrinkage when it did not fit. */
export function createSpendPredictor(model: ClvModel): (x: number, m: number) => number {
  const { gammaGamma, spendShrinkage } = model;
  if (gammaGamma !== null) return (x, m) => conditionalExpectedSpend(gammaGamma, x, m);
  if (spendShrinkage === undefined) throw new RangeError("the model has no spend model (fitted without monetary values)");
  return (x, m) => (x * m + spendShrinkage.strength * spendShrinkage.mean) / (x + spendShrinkage.strength);
}

export function scoreClv(model: ClvModel, summary: RfmSummary, options: ScoreClvOptions = {}): ClvScores {
  validateSummary(summary);
  const { gammaGamma, spendShrinkage } = model;
  const { frequency, recency, T, monetary } = summary;
  if (gammaGamma === null && spendShrinkage === undefined) throw new RangeError("scoreClv: the model has no spend model (fitted without monetary values)");
  if (monetary === undefined) throw new RangeError("scoreClv: the summary needs a monetary column for the expected spend");
  if (!model.bgnbd.converged || (gammaGamma !== null && !gammaGamma.converged)) {
    throw new RangeError("scoreClv: the model fit did not converge; its parameters are not maximum-likelihood estimates");
  }
  const expectedSpend = createSpendPredictor(model);
  const grid = buildMonthGrid(options);
  const n = frequency.length;
  const scores: ClvScores = {
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    clv: new Float64Array(n),
    clvLow: null,
    clvHigh: null,
  };
  // The purchase sums depend on (x, T) only, which repeat a lot in day-granular data.
  const purchases = new Map<number, Map<number, { discounted: number; total: number }>>();
  for (let i = 0; i < n; i++) {
    let byAge = purchases.get(frequency[i]);
    if (byAge === undefined) purchases.set(frequency[i], (byAge = new Map()));
    let sums = byAge.get(T[i]);
    if (sums === undefined) {
      sums = purchasesIfAlive(model.bgnbd, frequency[i], T[i], grid);
      byAge.set(T[i], sums);
    }
    const alive = probabilityAlive(model.bgnbd, frequency[i], recency[i], T[i]);
    scores.pAlive[i] = alive;
    scores.expectedPurchases[i] = alive * sums.total;
    scores.clv[i] = grid.margin * expectedSpend(frequency[i], monetary[i]) * alive * sums.discounted;
  }
  if ((options.intervals ?? true) && gammaGamma !== null) {
    const { low, high } = clvIntervals(model.bgnbd, gammaGamma, { frequency, recency, T, monetary }, grid, options);
    scores.clvLow = low;
    scores.clvHigh = high;
  }
  return scores;
}
