/**
 * BG/NBD buy-till-you-die model (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"). While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after every repeat
 * purchase they drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood on the
 * log-parameters; the likelihood is evaluated on distinct (x, t_x, T) triples with weights,
 * its x-only log-gamma part once per distinct x and log(α + t) once per distinct time.
 */
import { inverseSpd } from "./linalg";
import { minimize, numericalHessian } from "./optimize";
import { validateSummary, type RfmSummary } from "./rfmSummary";
import { hyp2f1Scaled, lgamma } from "./special";

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
 * day-granular data); x points into the distinct frequencies xs with their counts.
 */
interface Compressed {
  x: Float64Array;
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
  const constant = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  const logA = Math.log(a);
  let sum = 0;
  // Per distinct x: the log-gamma part, and log(a / (b + x − 1)) of the dropped-out branch.
  const logDropOdds = new Float64Array(data.xs.length);
  for (let k = 0; k < data.xs.length; k++) {
    const x = data.xs[k];
    sum += data.xCounts[k] * (constant + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x));
    logDropOdds[k] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  }
  const logTime = data.times.map((time) => Math.log(alpha + time));
  for (let i = 0; i < data.x.length; i++) {
    const shape = r + data.x[i];
    const aliveTerm = -shape * logTime[data.TSlot[i]];
    if (data.x[i] === 0) {
      sum += data.weight[i] * aliveTerm;
      continue;
    }
    const droppedTerm = logDropOdds[data.xSlot[i]] - shape * logTime[data.txSlot[i]];
    const high = Math.max(aliveTerm, droppedTerm);
    sum += data.weight[i] * (high + Math.log1p(Math.exp(-Math.abs(aliveTerm - droppedTerm))));
  }
  return sum;
}

function fromLog(v: readonly number[]): BgNbdParams {
  return { r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) };
}

function compress(summary: RfmSummary): Compressed {
  const { frequency, recency, T } = summary;
  const tripleSlot = new Map<string, number>();
  const xSlotOf = new Map<number, number>();
  const timeSlotOf = new Map<number, number>();
  const slotIn = (slots: Map<number, number>, value: number) => {
    let slot = slots.get(value);
    if (slot === undefined) slots.set(value, (slot = slots.size));
    return slot;
  };
  const triples = { x: [] as number[], xSlot: [] as number[], txSlot: [] as number[], TSlot: [] as number[], weight: [] as number[] };
  const xCounts: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const xSlot = slotIn(xSlotOf, frequency[i]);
    xCounts[xSlot] = (xCounts[xSlot] ?? 0) + 1;
    const key = `${frequency[i]} ${recency[i]} ${T[i]}`;
    let slot = tripleSlot.get(key);
    if (slot === undefined) {
      tripleSlot.set(key, (slot = triples.x.length));
      triples.x.push(frequency[i]);
      triples.xSlot.push(xSlot);
      triples.txSlot.push(slotIn(timeSlotOf, recency[i]));
      triples.TSlot.push(slotIn(timeSlotOf, T[i]));
      triples.weight.push(0);
    }
    triples.weight[slot]++;
  }
  return {
    x: Float64Array.from(triples.x),
    xSlot: Int32Array.from(triples.xSlot),
    txSlot: Int32Array.from(triples.txSlot),
    TSlot: Int32Array.from(triples.TSlot),
    weight: Float64Array.from(triples.weight),
    times: Float64Array.from(timeSlotOf.keys()),
    xs: Float64Array.from(xSlotOf.keys()),
    xCounts: Float64Array.from(xCounts),
  };
}
