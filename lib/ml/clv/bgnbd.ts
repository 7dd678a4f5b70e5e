/**
 * BG/NBD buy-till-you-die model (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"). While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after every repeat
 * purchase they drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood on the
 * log-parameters with its exact gradient; the likelihood is evaluated on distinct (x, t_x, T)
 * triples with weights, its x-only gamma and beta ratios once per distinct x and log(α + t) once
 * per distinct time.
 */
import { inverseSpd } from "./linalg";
import { minimize, numericalHessian } from "./optimize";
import { validateSummary, type RfmSummary } from "./rfmSummary";
import { hyp2f1Scaled } from "./special";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Inverse Hessian of −logL over (log r, log α, log a, log b); null if the Hessian is not positive definite. */
  covarianceLog: number[][] | null;
  customers: number;
}

export interface BgNbdFitOptions {
  /** Starting values (default r = 1, α = mean T, a = 1, b = 1). */
  initial?: Partial<BgNbdParams>;
  gradientTolerance?: number;
  maxIterations?: number;
}

/**
 * Customers collapsed to distinct (x, t_x, T) triples with multiplicities. t_x and T point into
 * one table of distinct times, so log(α + time) is computed once per distinct time (few in
 * day-granular data); x points into the distinct frequencies xs (ascending) with their counts.
 */
interface Compressed {
  customers: number;
  xSlot: Int32Array;
  txSlot: Int32Array;
  TSlot: Int32Array;
  weight: Float64Array;
  times: Float64Array;
  xs: Float64Array;
  xCounts: Float64Array;
}

export function fitBgNbd(summary: RfmSummary, options: BgNbdFitOptions = {}): BgNbdFit {
  validateSummary(summary);
  const n = summary.frequency.length;
  if (n === 0) throw new RangeError("fitBgNbd: the summary has no customers");
  const data = compress(summary);
  let meanT = 0;
  for (let i = 0; i < n; i++) meanT += summary.T[i] / n;
  const start = { r: 1, alpha: meanT > 0 ? meanT : 1, a: 1, b: 1, ...options.initial };
  const negative = (logParams: readonly number[]) => -logLikelihood(fromLog(logParams), data);
  // The mean keeps the gradient tolerance independent of the number of customers.
  const result = minimize((v) => negative(v) / n, [start.r, start.alpha, start.a, start.b].map(Math.log), {
    gradientTolerance: options.gradientTolerance,
    maxIterations: options.maxIterations,
    gradient: (v) => logLikelihoodGradient(fromLog(v), data).map((g) => -g / n),
  });
  return {
    ...fromLog(result.x),
    logLikelihood: -result.value * n,
    converged: result.converged,
    iterations: result.iterations,
    covarianceLog: inverseSpd(numericalHessian(negative, result.x)),
    customers: n,
  };
}

export function bgnbdLogLikelihood(params: BgNbdParams, summary: RfmSummary): number {
  validateSummary(summary);
  return logLikelihood(params, compress(summary));
}

/** ∂ log-likelihood / ∂(log r, log α, log a, log b): the fit's exact gradient. */
export function bgnbdLogLikelihoodGradient(params: BgNbdParams, summary: RfmSummary): number[] {
  validateSummary(summary);
  return logLikelihoodGradient(params, compress(summary));
}

/** P(still alive at T | x, t_x, T); 1 for x = 0, since BG/NBD customers only drop out after a repeat purchase. */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** E[purchases in (T, T + t] | x, t_x, T] (FHL 2005, eq. 10). */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return probabilityAlive(params, x, tx, T) * expectedPurchasesIfAlive(params, t, x, T);
}

/** E[purchases in (T, T + t] | alive at T, x repeat purchases]; see purchasesIfAliveAt. */
export function expectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const out = new Float64Array(1);
  purchasesIfAliveAt(params, x, T, Float64Array.of(t), out);
  return out[0];
}

const A_NUDGE = 1e-5;

/**
 * out[m] = E[purchases in (T, T + times[m]] | alive at T, x repeat purchases] for ascending times.
 * Given survival the posterior is again a BG/NBD with r + x, α + T, a, b + x, so this is that
 * model's E[X(t)] = c/(a−1) · [1 − (1−z)^(r+x) 2F1(r+x, b+x; c; z)], c = a + b + x − 1,
 * z = t/(α+T+t); it depends on t_x only through P(alive). All horizons share one 2F1 pass.
 * Near a = 1 the closed form is 0/0 and loses digits; within A_NUDGE / 2 of 1 it is
 * interpolated linearly between a = 1 ± A_NUDGE (error O(A_NUDGE²)).
 */
export function purchasesIfAliveAt(params: BgNbdParams, x: number, T: number, times: Float64Array, out: Float64Array): void {
  if (Math.abs(params.a - 1) < A_NUDGE / 2) {
    const above = new Float64Array(times.length);
    purchasesIfAliveAt({ ...params, a: 1 - A_NUDGE }, x, T, times, out);
    purchasesIfAliveAt({ ...params, a: 1 + A_NUDGE }, x, T, times, above);
    const weight = (params.a - (1 - A_NUDGE)) / (2 * A_NUDGE);
    for (let m = 0; m < times.length; m++) out[m] += weight * (above[m] - out[m]);
    return;
  }
  const { r, alpha, a, b } = params;
  const c = a + b + x - 1;
  const z = times.map((t) => t / (alpha + T + t));
  const sums = new Float64Array(times.length);
  // (1−z)^(r+x) times 2F1 = (1−z)^e · sums: one power, so neither factor overflows for large x.
  const exponent = r + x + hyp2f1Scaled(r + x, b + x, c, z, sums);
  for (let m = 0; m < times.length; m++) {
    const remaining = Math.exp(exponent * Math.log1p(-z[m])) * sums[m];
    out[m] = times[m] === 0 ? 0 : (c / (a - 1)) * (1 - remaining);
  }
}

function logLikelihood(params: BgNbdParams, data: Compressed): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const logA = Math.log(a);
  let sum = data.customers * r * Math.log(alpha);
  // Per distinct x (ascending): log[Γ(r+x)/Γ(r) · B(a, b+x)/B(a, b)] = Σ_{k<x} log(r+k) + log1p(−a/(a+b+k)), a sum
  // rather than a difference of log-gammas, which loses all digits when a and b run off together (no drop-out signal).
  const logDropOdds = new Float64Array(data.xs.length);
  let k = 0;
  let partial = 0;
  for (let slot = 0; slot < data.xs.length; slot++) {
    const x = data.xs[slot];
    for (; k < x; k++) partial += Math.log(r + k) + Math.log1p(-a / (a + b + k));
    sum += data.xCounts[slot] * partial;
    logDropOdds[slot] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  }
  const logTime = data.times.map((time) => Math.log(alpha + time));
  for (let i = 0; i < data.weight.length; i++) {
    const slot = data.xSlot[i];
    const x = data.xs[slot];
    const shape = r + x;
    const aliveTerm = -shape * logTime[data.TSlot[i]];
    if (x === 0) {
      sum += data.weight[i] * aliveTerm;
      continue;
    }
    const droppedTerm = logDropOdds[slot] - shape * logTime[data.txSlot[i]];
    const high = Math.max(aliveTerm, droppedTerm);
    sum += data.weight[i] * (high + Math.log1p(Math.exp(-Math.abs(aliveTerm - droppedTerm))));
  }
  return sum;
}

/** The derivatives of logLikelihood's terms, in the same order; the branches weighted by their posterior shares. */
function logLikelihoodGradient(params: BgNbdParams, data: Compressed): number[] {
  const { r, alpha, a, b } = params;
  let dr = data.customers * Math.log(alpha);
  let dAlpha = (data.customers * r) / alpha;
  let da = 0;
  let db = 0;
  const logDropOdds = new Float64Array(data.xs.length);
  let k = 0;
  const partial = { r: 0, a: 0, b: 0 };
  for (let slot = 0; slot < data.xs.length; slot++) {
    const x = data.xs[slot];
    for (; k < x; k++) {
      partial.r += 1 / (r + k);
      partial.a -= 1 / (a + b + k);
      partial.b += a / ((b + k) * (a + b + k));
    }
    dr += data.xCounts[slot] * partial.r;
    da += data.xCounts[slot] * partial.a;
    db += data.xCounts[slot] * partial.b;
    logDropOdds[slot] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const logTime = data.times.map((time) => Math.log(alpha + time));
  const inverseTime = data.times.map((time) => 1 / (alpha + time));
  for (let i = 0; i < data.weight.length; i++) {
    const slot = data.xSlot[i];
    const x = data.xs[slot];
    const shape = r + x;
    const w = data.weight[i];
    const T = data.TSlot[i];
    if (x === 0) {
      dr -= w * logTime[T];
      dAlpha -= w * shape * inverseTime[T];
      continue;
    }
    const tx = data.txSlot[i];
    const aliveTerm = -shape * logTime[T];
    const droppedTerm = logDropOdds[slot] - shape * logTime[tx];
    const ratio = Math.exp(-Math.abs(aliveTerm - droppedTerm));
    const dropped = aliveTerm >= droppedTerm ? ratio / (1 + ratio) : 1 / (1 + ratio);
    const alive = 1 - dropped;
    dr -= w * (alive * logTime[T] + dropped * logTime[tx]);
    dAlpha -= w * shape * (alive * inverseTime[T] + dropped * inverseTime[tx]);
    da += (w * dropped) / a;
    db -= (w * dropped) / (b + x - 1);
  }
  return [r * dr, alpha * dAlpha, a * da, b * db];
}

function fromLog(v: readonly number[]): BgNbdParams {
  return { r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) };
}

function compress(summary: RfmSummary): Compressed {
  const { frequency, recency, T } = summary;
  const n = frequency.length;
  const xs = Float64Array.from(new Set(frequency)).sort();
  const xSlotOf = new Map<number, number>();
  xs.forEach((x, slot) => xSlotOf.set(x, slot));
  const timeSlotOf = new Map<number, number>();
  const slotOfTime = (time: number) => {
    let slot = timeSlotOf.get(time);
    if (slot === undefined) timeSlotOf.set(time, (slot = timeSlotOf.size));
    return slot;
  };
  const txSlots = new Int32Array(n);
  const TSlots = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    txSlots[i] = slotOfTime(recency[i]);
    TSlots[i] = slotOfTime(T[i]);
  }
  // Numeric keys (x slot, t_x slot), then (that pair, T slot): each below 2n², exact in a double.
  const times = timeSlotOf.size;
  const pairOf = new Map<number, number>();
  const tripleOf = new Map<number, number>();
  const xSlot = new Int32Array(n);
  const txSlot = new Int32Array(n);
  const TSlot = new Int32Array(n);
  const weight = new Float64Array(n);
  const xCounts = new Float64Array(xs.length);
  let triples = 0;
  for (let i = 0; i < n; i++) {
    const x = xSlotOf.get(frequency[i])!;
    xCounts[x]++;
    const pairKey = x * times + txSlots[i];
    let pair = pairOf.get(pairKey);
    if (pair === undefined) pairOf.set(pairKey, (pair = pairOf.size));
    const key = pair * times + TSlots[i];
    let slot = tripleOf.get(key);
    if (slot === undefined) {
      tripleOf.set(key, (slot = triples++));
      xSlot[slot] = x;
      txSlot[slot] = txSlots[i];
      TSlot[slot] = TSlots[i];
    }
    weight[slot]++;
  }
  return {
    customers: n,
    xSlot: xSlot.slice(0, triples),
    txSlot: txSlot.slice(0, triples),
    TSlot: TSlot.slice(0, triples),
    weight: weight.slice(0, triples),
    times: Float64Array.from(timeSlotOf.keys()),
    xs,
    xCounts,
  };
}
