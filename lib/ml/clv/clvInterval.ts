/**
 * CLV intervals from parameter uncertainty: S parameter sets are drawn from the normal
 * approximation of each fit on the log scale (mean = estimate, covariance = inverse Hessian,
 * BG/NBD and Gamma-Gamma independent as they are fitted separately), CLV is evaluated per draw
 * and the per-customer quantiles are taken.
 *
 * Cost: the expensive factor, the discounted expected purchases given alive, depends on a
 * customer only through (x, T). Per draw and per distinct x it is therefore evaluated exactly
 * for each distinct T when there are few, or else at a few Chebyshev points in log(α + T),
 * where it is analytic, and interpolated (error ~1e-10, far below the Monte Carlo error).
 * That factor and log(α + time) are computed once per draw and distinct T (or time), so what
 * remains per customer and draw is P(alive)'s exponential, the expected spend and the quantiles.
 * Frequency groups are handled one at a time, so memory is one group's tables (S per distinct T),
 * never S × n; customers without repeat purchases depend on T alone and are scored once per T.
 *
 * Scoring many small batches with one model (the scoring API) would rebuild the same tables
 * for every batch; given `tables` (createIntervalTables), the draws and each frequency's
 * interpolant over ages 0 to maxAge are built once per fit and kept. A kept table costs about 40 times
 * a one-off one, so a call builds at most a few and at most a few hundred are kept: a batch of
 * unusual frequencies (anyone with an API token can send one) is scored the one-off way
 * instead of stalling the server.
 */
import { createRng } from "@/lib/ml/random";
import type { BgNbdFit, BgNbdParams } from "./bgnbd";
import { chebyshevCoefficients, chebyshevEvaluate, chebyshevPoints, toUnitInterval } from "./chebyshev";
import type { GammaGammaFit, GammaGammaParams } from "./gammaGamma";
import { purchasesIfAlive, type MonthGrid } from "./lifetimeValue";
import { cholesky } from "./linalg";
import { quantileInPlace } from "./quantile";

export interface IntervalOptions {
  /** Parameter draws (default 200). */
  draws?: number;
  /** Seed for the draws (default 1). */
  seed?: number;
  /** Central coverage (default 0.8: the 10th and 90th percentiles). */
  level?: number;
  /** Kept between calls (the draws and per-frequency tables); rebuilt when the model, grid, draws or seed change. */
  tables?: IntervalTables;
}

interface PurchasesTable {
  slotOf: Map<number, number> | null;
  at: (s: number, slot: number, logScale: number) => number;
}

export interface IntervalTables {
  maxAge: number;
  /**
   * Per BG/NBD fit, by identity (a fit is never changed once made): a run scores order-line
   * and profile customers with two fits, and each keeps its own.
   */
  byFit: WeakMap<BgNbdFit, KeptForFit>;
}

interface KeptForFit {
  maxAge: number;
  /** What the draws and tables were made for besides the BG/NBD fit. */
  gammaGamma: GammaGammaFit;
  times: Float64Array;
  discounts: Float64Array;
  draws: number;
  seed: number;
  /** The draws, or why none can be made (a fit at no proper maximum): every call would fail alike. */
  made: { bg: BgNbdParams[]; gg: GammaGammaParams[] } | RangeError;
  byFrequency: Map<number, PurchasesTable>;
}

/** 100 years in days: older customers are scored without the kept tables. */
const DEFAULT_MAX_AGE = 36_525;
/** Frequencies kept at most: 256 tables of 200 draws × ≤ 64 points are 26 MB. */
const MAX_KEPT_FREQUENCIES = 256;
/** Kept tables one call may build (each takes ~12 ms); other new frequencies are scored one-off. */
const MAX_BUILT_PER_CALL = 4;

export function createIntervalTables(maxAge = DEFAULT_MAX_AGE): IntervalTables {
  return { maxAge, byFit: new WeakMap() };
}

export interface CustomerColumns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

// Interpolation points for the purchases-given-alive curve of one frequency group are chosen
// for ~1e-10 relative error, within these bounds; groups with fewer distinct T are tabulated exactly.
const MIN_POINTS = 6;
/** Per-draw rows kept per distinct time or T: 20,000 of 200 draws are 32 MB; data with more (every time distinct) recompute the rest. */
const MAX_KEPT_ROWS = 20_000;
const MAX_POINTS = 64;

export function clvIntervals(
  bgnbd: BgNbdFit,
  gammaGamma: GammaGammaFit,
  customers: CustomerColumns,
  grid: MonthGrid,
  options: IntervalOptions = {},
): { low: Float64Array; high: Float64Array } {
  const draws = options.draws ?? 200;
  const level = options.level ?? 0.8;
  if (!(Number.isInteger(draws) && draws >= 2)) throw new RangeError(`draws must be an integer >= 2, got ${draws}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  const seed = options.seed ?? 1;
  const kept = options.tables && keptForFit(options.tables, bgnbd, gammaGamma, grid, draws, seed);
  if (kept?.made instanceof RangeError) throw kept.made;
  const { bg, gg } = kept ? kept.made : drawParameters(bgnbd, gammaGamma, draws, seed);
  const budget = { left: MAX_BUILT_PER_CALL };
  const { frequency, recency, T, monetary } = customers;
  const n = frequency.length;
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  const values = new Float64Array(draws);
  const lowRank = (draws - 1) * ((1 - level) / 2);
  const highRank = (draws - 1) * ((1 + level) / 2);
  // log(α_s + time) per draw, once per distinct time (t_x or T): few in day-granular data.
  const logScales = new LogScales(bg);
  const logAge = new Float64Array(draws);
  const [scratchT, scratchTx, scratchPurchases] = [new Float64Array(draws), new Float64Array(draws), new Float64Array(draws)];
  for (const [x, members] of groupByFrequency(frequency)) {
    const purchases = tableFor(
      kept,
      budget,
      bg,
      x,
      members.map((i) => T[i]),
      grid,
    );
    // Per-draw constants for this frequency: P(alive) = 1 / (1 + e^(logOdds + shape·log((α+T)/(α+t_x))))
    // and expected spend = spendBase + spendSlope · x·mbar (Gamma-Gamma), ∞ when q <= 1.
    const shape = Float64Array.from(bg, (params) => params.r + x);
    const logOdds = Float64Array.from(bg, (params) => Math.log(params.a / (params.b + x - 1)));
    const spendWeight = Float64Array.from(gg, (params) => params.p * x + params.q - 1);
    const spendBase = Float64Array.from(gg, (params, s) => (spendWeight[s] > 0 ? (params.p * params.gamma) / spendWeight[s] : Infinity));
    const spendSlope = Float64Array.from(gg, (params, s) => (spendWeight[s] > 0 ? params.p / spendWeight[s] : 0));
    // Discounted purchases given alive per draw, once per distinct T of the group (up to MAX_KEPT_ROWS);
    // with x = 0 the interval depends on T alone.
    const byAge = new Map<number, { purchases: Float64Array; first: number }>();
    for (const i of members) {
      const age = T[i];
      let atAge = byAge.get(age);
      if (atAge !== undefined && x === 0) {
        low[i] = low[atAge.first];
        high[i] = high[atAge.first];
        continue;
      }
      const logT = logScales.of(age, scratchT);
      if (atAge === undefined) {
        const kept = byAge.size < MAX_KEPT_ROWS;
        const slot = purchases.slotOf?.get(age) ?? 0;
        const row = kept ? new Float64Array(draws) : scratchPurchases;
        for (let s = 0; s < draws; s++) row[s] = grid.margin * purchases.at(s, slot, logT[s]);
        atAge = { purchases: row, first: i };
        if (kept) byAge.set(age, atAge);
      }
      const own = x > 0 ? x * monetary[i] : 0;
      if (x > 0) {
        const logTx = logScales.of(recency[i], scratchTx);
        for (let s = 0; s < draws; s++) logAge[s] = logT[s] - logTx[s];
      }
      for (let s = 0; s < draws; s++) {
        let value = (spendBase[s] + spendSlope[s] * own) * atAge.purchases[s];
        if (x > 0) value /= 1 + Math.exp(logOdds[s] + shape[s] * logAge[s]);
        values[s] = value;
      }
      low[i] = quantileInPlace(values, lowRank);
      high[i] = quantileInPlace(values, highRank);
    }
  }
  return { low, high };
}

function keptForFit(tables: IntervalTables, bgnbd: BgNbdFit, gammaGamma: GammaGammaFit, grid: MonthGrid, draws: number, seed: number): KeptForFit {
  const kept = tables.byFit.get(bgnbd);
  if (kept && madeFor(kept, gammaGamma, grid, draws, seed)) return kept;
  let made: KeptForFit["made"];
  try {
    made = drawParameters(bgnbd, gammaGamma, draws, seed);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    made = error;
  }
  const fresh = { maxAge: tables.maxAge, gammaGamma, times: grid.times, discounts: grid.discounts, draws, seed, made, byFrequency: new Map() };
  tables.byFit.set(bgnbd, fresh);
  return fresh;
}

function madeFor(kept: KeptForFit, gammaGamma: GammaGammaFit, grid: MonthGrid, draws: number, seed: number): boolean {
  const { times, discounts } = grid;
  return kept.gammaGamma === gammaGamma && kept.draws === draws && kept.seed === seed && sameValues(kept.times, times) && sameValues(kept.discounts, discounts);
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function tableFor(kept: KeptForFit | undefined, budget: { left: number }, bg: BgNbdParams[], x: number, ages: number[], grid: MonthGrid): PurchasesTable {
  if (!kept || ages.some((age) => age > kept.maxAge)) return purchasesTable(bg, x, ages, grid);
  const table = kept.byFrequency.get(x);
  if (table) return table;
  if (budget.left === 0 || kept.byFrequency.size >= MAX_KEPT_FREQUENCIES) return purchasesTable(bg, x, ages, grid);
  budget.left--;
  const built = interpolatedTable(bg, x, 0, kept.maxAge, grid);
  kept.byFrequency.set(x, built);
  return built;
}

function drawParameters(bgnbd: BgNbdFit, gammaGamma: GammaGammaFit, draws: number, seed: number) {
  const bgFactor = bgnbd.covarianceLog && cholesky(bgnbd.covarianceLog);
  const ggFactor = gammaGamma.covarianceLog && cholesky(gammaGamma.covarianceLog);
  if (!bgFactor) throw new RangeError("CLV interval: the BG/NBD fit has no positive-definite covariance (not at a proper maximum)");
  if (!ggFactor) throw new RangeError("CLV interval: the Gamma-Gamma fit has no positive-definite covariance (not at a proper maximum)");
  const rng = createRng(seed);
  const perturb = (center: number[], factor: number[][]) => {
    const z = center.map(() => rng.normal());
    return center.map((c, i) => Math.exp(c + factor[i].reduce((sum, l, k) => sum + l * z[k], 0)));
  };
  const bg: BgNbdParams[] = [];
  const gg: GammaGammaParams[] = [];
  for (let s = 0; s < draws; s++) {
    const [r, alpha, a, b] = perturb([bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b].map(Math.log), bgFactor);
    const [p, q, gamma] = perturb([gammaGamma.p, gammaGamma.q, gammaGamma.gamma].map(Math.log), ggFactor);
    bg.push({ r, alpha, a, b });
    gg.push({ p, q, gamma });
  }
  return { bg, gg };
}

/**
 * For one frequency x: discounted purchases given alive per (draw, customer), looked up by the
 * customer's slot among the distinct T (exact table) or by log(α_draw + T) (interpolant).
 */
function purchasesTable(bg: BgNbdParams[], x: number, ages: number[], grid: MonthGrid): PurchasesTable {
  const distinct = Float64Array.from(new Set(ages)).sort();
  const k = distinct.length;
  const draws = bg.length;
  if (k > interpolationPoints(bg, distinct[0], distinct[k - 1])) return interpolatedTable(bg, x, distinct[0], distinct[k - 1], grid);
  const table = new Float64Array(draws * k);
  for (let s = 0; s < draws; s++) {
    for (let j = 0; j < k; j++) table[s * k + j] = purchasesIfAlive(bg[s], x, distinct[j], grid).discounted;
  }
  const slotOf = new Map<number, number>();
  distinct.forEach((age, j) => slotOf.set(age, j));
  return { slotOf, at: (s: number, slot: number) => table[s * k + slot] };
}

/** The interpolant in log(α_draw + T) over ages minT to maxT, per draw. */
function interpolatedTable(bg: BgNbdParams[], x: number, minT: number, maxT: number, grid: MonthGrid): PurchasesTable {
  const draws = bg.length;
  const points = interpolationPoints(bg, minT, maxT);
  const coefficients = new Float64Array(draws * points);
  const lo = new Float64Array(draws);
  const hi = new Float64Array(draws);
  const values = new Float64Array(points);
  for (let s = 0; s < draws; s++) {
    const alpha = bg[s].alpha;
    lo[s] = Math.log(alpha + minT);
    hi[s] = Math.log(alpha + maxT);
    const nodes = chebyshevPoints(points, lo[s], hi[s]);
    for (let j = 0; j < points; j++) values[j] = purchasesIfAlive(bg[s], x, Math.exp(nodes[j]) - alpha, grid).discounted;
    chebyshevCoefficients(values, coefficients, s * points);
  }
  return {
    slotOf: null,
    at: (s: number, _slot: number, logScale: number) => chebyshevEvaluate(coefficients, s * points, points, toUnitInterval(logScale, lo[s], hi[s])),
  };
}

/**
 * Chebyshev points for ~1e-10 relative error over [log(α + Tmin), log(α + Tmax)] for every draw: the
 * function of u = log(α + T) is analytic in the strip |Im u| < π (singular where α + T = −t), so
 * the error falls like ρ^−n with ρ = (π + √(π² + h²)) / h for the interval half-length h.
 */
function interpolationPoints(bg: BgNbdParams[], minT: number, maxT: number): number {
  let halfLength = 0;
  for (const { alpha } of bg) halfLength = Math.max(halfLength, 0.5 * (Math.log(alpha + maxT) - Math.log(alpha + minT)));
  if (halfLength === 0) return MIN_POINTS;
  const rho = (Math.PI + Math.hypot(Math.PI, halfLength)) / halfLength;
  return Math.min(MAX_POINTS, Math.max(MIN_POINTS, Math.ceil(Math.log(1e10) / Math.log(rho))));
}

/** log(α_s + time) for every draw s, kept per distinct time (the first MAX_KEPT_ROWS, else written to `scratch`). */
class LogScales {
  private readonly alpha: Float64Array;
  private readonly byTime = new Map<number, Float64Array>();

  constructor(bg: BgNbdParams[]) {
    this.alpha = Float64Array.from(bg, (params) => params.alpha);
  }

  of(time: number, scratch: Float64Array): Float64Array {
    const kept = this.byTime.get(time);
    if (kept !== undefined) return kept;
    const row = this.byTime.size < MAX_KEPT_ROWS ? new Float64Array(this.alpha.length) : scratch;
    for (let s = 0; s < row.length; s++) row[s] = Math.log(this.alpha[s] + time);
    if (row !== scratch) this.byTime.set(time, row);
    return row;
  }
}

function groupByFrequency(frequency: Float64Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < frequency.length; i++) {
    const members = groups.get(frequency[i]);
    if (members) members.push(i);
    else groups.set(frequency[i], [i]);
  }
  return groups;
}
