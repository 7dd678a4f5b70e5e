/**
 * Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value"): each transaction of a customer is Gamma(p, ν) and ν ~ Gamma(q, γ) across
 * customers. Fitted by maximum likelihood on (log p, log q, log γ) over the customers with at
 * least one repeat purchase and a positive mean spend; spend is assumed independent of frequency.
 */
import { inverseSpd } from "./linalg";
import { minimize, numericalHessian } from "./optimize";
import { lgamma, lgammaRatio } from "./special";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Inverse Hessian of −logL over (log p, log q, log γ); null if the Hessian is not positive definite. */
  covarianceLog: number[][] | null;
  /** Customers the model was fitted on (frequency >= 1 and monetary > 0). */
  customers: number;
}

export interface GammaGammaFitOptions {
  initial?: Partial<GammaGammaParams>;
  gradientTolerance?: number;
  maxIterations?: number;
}

/** Repeat customers only, with the log terms that do not depend on the parameters precomputed. */
interface SpendData {
  x: Float64Array;
  mbar: Float64Array;
  logX: Float64Array;
  logMbar: Float64Array;
  xs: Float64Array;
  xCounts: Float64Array;
}

/** frequency: repeat purchases x; monetary: mean spend per repeat purchase. */
export function fitGammaGamma(frequency: Float64Array, monetary: Float64Array, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const data = spendData(frequency, monetary);
  const n = data.x.length;
  if (n < 2) throw new RangeError(`fitGammaGamma: needs at least 2 customers with frequency >= 1 and monetary > 0, got ${n}`);
  let meanSpend = 0;
  for (let i = 0; i < n; i++) meanSpend += data.mbar[i] / n;
  // Start where the population mean spend pγ/(q−1) matches the data.
  const start = { p: 1, q: 2, gamma: meanSpend, ...options.initial };
  const negative = (logParams: readonly number[]) => -logLikelihood(fromLog(logParams), data);
  const result = minimize((v) => negative(v) / n, [start.p, start.q, start.gamma].map(Math.log), {
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

export function gammaGammaLogLikelihood(params: GammaGammaParams, frequency: Float64Array, monetary: Float64Array): number {
  return logLikelihood(params, spendData(frequency, monetary));
}

/**
 * E[mean spend per transaction | x, mbar]: a credibility-weighted mix of the population mean
 * pγ/(q−1) and the customer's own mean (x = 0 gives the population mean). Needs q > 1.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, mbar: number): number {
  const { p, q, gamma } = params;
  const weight = p * x + q - 1;
  // q <= 1 means an infinite population mean spend; a customer with no repeat purchases inherits it.
  if (!(weight > 0)) return Infinity;
  return (p * (gamma + x * (x > 0 ? mbar : 0))) / weight;
}

function logLikelihood(params: GammaGammaParams, data: SpendData): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  let sum = 0;
  // Γ(px + q) / (Γ(px) Γ(q)) per distinct x, as a ratio that stays exact when q and γ run off together.
  for (let k = 0; k < data.xs.length; k++) {
    const px = p * data.xs[k];
    sum += data.xCounts[k] * (lgammaRatio(q, px) - lgamma(px));
  }
  // q log γ − (px + q) log(γ + x·mbar) = −(px + q) log1p(x·mbar / γ) − px log γ, for the same reason.
  const logGamma = Math.log(gamma);
  for (let i = 0; i < data.x.length; i++) {
    const px = p * data.x[i];
    sum += (px - 1) * data.logMbar[i] + px * (data.logX[i] - logGamma) - (px + q) * Math.log1p((data.x[i] * data.mbar[i]) / gamma);
  }
  return sum;
}

function fromLog(v: readonly number[]): GammaGammaParams {
  return { p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) };
}

function spendData(frequency: Float64Array, monetary: Float64Array): SpendData {
  if (frequency.length !== monetary.length) {
    throw new RangeError(`Gamma-Gamma: monetary has ${monetary.length} values but frequency has ${frequency.length}`);
  }
  const keep: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const m = monetary[i];
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`Gamma-Gamma: customer at index ${i}: frequency must be an integer >= 0, got ${x}`);
    if (!Number.isFinite(m)) throw new RangeError(`Gamma-Gamma: customer at index ${i}: monetary must be finite, got ${m}`);
    if (x >= 1 && m > 0) keep.push(i);
  }
  const x = Float64Array.from(keep, (i) => frequency[i]);
  const mbar = Float64Array.from(keep, (i) => monetary[i]);
  const counts = new Map<number, number>();
  for (const value of x) counts.set(value, (counts.get(value) ?? 0) + 1);
  return {
    x,
    mbar,
    logX: x.map(Math.log),
    logMbar: mbar.map(Math.log),
    xs: Float64Array.from(counts.keys()),
    xCounts: Float64Array.from(counts.values()),
  };
}
