/**
 * The generative processes behind BG/NBD and Gamma-Gamma, for checking that fits recover known
 * parameters and for synthetic scale data. All randomness comes from createRng(seed).
 */
import { createRng, type Rng } from "@/lib/ml/random";
import type { BgNbdParams } from "./bgnbd";
import type { GammaGammaParams } from "./gammaGamma";
import type { RfmSummary } from "./rfmSummary";

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 via the u^(1/shape) boost. */
export function sampleGamma(rng: Rng, shape: number, rate: number): number {
  if (!(shape > 0 && rate > 0)) throw new RangeError(`sampleGamma: shape and rate must be > 0, got ${shape}, ${rate}`);
  if (shape < 1) return sampleGamma(rng, shape + 1, rate) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a, 1);
  const y = sampleGamma(rng, b, 1);
  return x + y > 0 ? x / (x + y) : sampleBeta(rng, a, b);
}

/**
 * Customers observed for T[i] after their first purchase: λ ~ Gamma(r, α), p ~ Beta(a, b);
 * exponential gaps at rate λ, and after each repeat purchase a drop-out with probability p.
 */
export function simulateBgNbd(params: BgNbdParams, T: Float64Array, seed: number): RfmSummary {
  const rng = createRng(seed);
  const n = T.length;
  const summary = { frequency: new Float64Array(n), recency: new Float64Array(n), T: Float64Array.from(T) };
  for (let i = 0; i < n; i++) {
    const lambda = sampleGamma(rng, params.r, params.alpha);
    const p = sampleBeta(rng, params.a, params.b);
    let time = 0;
    let x = 0;
    for (;;) {
      time += -Math.log(1 - rng.next()) / lambda;
      if (!(time <= T[i])) break;
      x++;
      summary.recency[i] = time;
      if (rng.next() < p) break;
    }
    summary.frequency[i] = x;
  }
  return summary;
}

/** Mean spend over each customer's x repeat purchases (0 when x = 0): ν ~ Gamma(q, γ), spends ~ Gamma(p, ν). */
export function simulateGammaGamma(params: GammaGammaParams, frequency: Float64Array, seed: number): Float64Array {
  const rng = createRng(seed);
  return frequency.map((x) => {
    if (x === 0) return 0;
    const nu = sampleGamma(rng, params.q, params.gamma);
    let total = 0;
    for (let k = 0; k < x; k++) total += sampleGamma(rng, params.p, nu);
    return total / x;
  });
}

/** One simulated purchase: customer index, time (model units) and amount. */
export interface SimulatedLog {
  customer: Int32Array;
  time: Float64Array;
  amount: Float64Array;
}

/**
 * A transaction log from the same processes: customer i makes a first purchase at firstPurchase[i],
 * then buys as in simulateBgNbd until `end`; every purchase's amount is Gamma(p, ν) with the
 * customer's ν ~ Gamma(q, γ). For backtests, which need purchase times, not only summaries.
 */
export function simulateTransactionLog(bgnbd: BgNbdParams, spend: GammaGammaParams, firstPurchase: Float64Array, end: number, seed: number): SimulatedLog {
  const rng = createRng(seed);
  const customer: number[] = [];
  const time: number[] = [];
  const amount: number[] = [];
  for (let i = 0; i < firstPurchase.length; i++) {
    if (!(firstPurchase[i] <= end)) throw new RangeError(`simulateTransactionLog: customer ${i} first buys at ${firstPurchase[i]}, after the end ${end}`);
    const lambda = sampleGamma(rng, bgnbd.r, bgnbd.alpha);
    const p = sampleBeta(rng, bgnbd.a, bgnbd.b);
    const nu = sampleGamma(rng, spend.q, spend.gamma);
    let at = firstPurchase[i];
    for (let purchase = 0; ; purchase++) {
      customer.push(i);
      time.push(at);
      amount.push(sampleGamma(rng, spend.p, nu));
      // Drop-out can follow a repeat purchase only, not the first.
      if (purchase > 0 && rng.next() < p) break;
      at += -Math.log(1 - rng.next()) / lambda;
      if (!(at <= end)) break;
    }
  }
  return { customer: Int32Array.from(customer), time: Float64Array.from(time), amount: Float64Array.from(amount) };
}
