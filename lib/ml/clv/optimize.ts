/**
 * Minimisation of smooth functions of a few parameters: BFGS on central-difference gradients
 * with a backtracking (Armijo) line search; when BFGS stalls away from a stationary point it
 * restarts from a Nelder–Mead search. Plus central-difference gradient and Hessian helpers.
 */
import { nelderMead } from "./nelderMead";

export type Objective = (x: readonly number[]) => number;

export interface MinimizeOptions {
  /** Converged when max |∂f/∂x_i| ≤ gradientTolerance · (1 + |f|). */
  gradientTolerance?: number;
  /**
   * Also converged when no step decreases f any more (rounding noise in f swamps the
   * difference gradients) and max |∂f/∂x_i| ≤ stallTolerance · (1 + |f|).
   */
  stallTolerance?: number;
  maxIterations?: number;
  /** Longest step (max-norm) BFGS may try; parameters are usually on a log scale. */
  maxStep?: number;
  /** The exact gradient of f, when known: one call instead of 2n evaluations of f for central differences. */
  gradient?: (x: readonly number[]) => number[];
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** max |∂f/∂x_i| at x. */
  gradientNorm: number;
  method: "bfgs" | "bfgs+nelder-mead";
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 60;
// Steps that lower f by less than this (relative) are rounding noise; a few in a row end the search.
const STALL_DECREASE = 1e-15;
const MAX_STALLS = 3;

export function minimize(f: Objective, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  if (x0.length === 0 || x0.some((v) => !Number.isFinite(v))) {
    throw new RangeError(`minimize: starting point must be finite numbers, got [${x0.join(", ")}]`);
  }
  let evaluations = 0;
  const counted: Objective = (x) => {
    evaluations++;
    return f(x);
  };
  const first = bfgs(counted, x0, options);
  if (first.converged) return { ...first, evaluations, method: "bfgs" };
  const simplex = nelderMead(counted, first.x, { maxIterations: options.maxIterations });
  const second = bfgs(counted, simplex.x, options);
  const best = second.value <= first.value ? second : first;
  return { ...best, iterations: first.iterations + simplex.iterations + second.iterations, evaluations, method: "bfgs+nelder-mead" };
}

type BfgsResult = Omit<MinimizeResult, "evaluations" | "method">;

function bfgs(f: Objective, x0: readonly number[], options: MinimizeOptions): BfgsResult {
  const n = x0.length;
  const tolerance = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const stallTolerance = options.stallTolerance ?? 1e-6;
  const maxStep = options.maxStep ?? 2;
  let x = x0.slice();
  let value = f(x);
  if (!Number.isFinite(value)) return { x, value, iterations: 0, converged: false, gradientNorm: NaN };
  const gradientAt = options.gradient ?? ((point: readonly number[]) => numericalGradient(f, point));
  let gradient = gradientAt(x);
  let inverse = identity(n);
  let scaled = false;
  let iterations = 0;
  let converged = false;
  let stalls = 0;
  while (iterations < maxIterations) {
    if (maxAbs(gradient) <= tolerance * (1 + Math.abs(value))) {
      converged = true;
      break;
    }
    iterations++;
    let direction = matVec(inverse, gradient).map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      inverse = identity(n);
      direction = gradient.map((v) => -v);
      slope = -dot(gradient, gradient);
    }
    const longest = maxAbs(direction);
    if (longest > maxStep) {
      direction = direction.map((v) => (v * maxStep) / longest);
      slope *= maxStep / longest;
    }
    const step = backtrack(f, x, value, direction, slope);
    stalls = step !== null && value - step.value > STALL_DECREASE * (1 + Math.abs(value)) ? 0 : stalls + 1;
    if (step === null || stalls >= MAX_STALLS) {
      converged = maxAbs(gradient) <= stallTolerance * (1 + Math.abs(value));
      break;
    }
    const nextGradient = gradientAt(step.x);
    const s = step.x.map((v, i) => v - x[i]);
    const y = nextGradient.map((v, i) => v - gradient[i]);
    const sy = dot(s, y);
    // Skip updates that would break positive definiteness (possible with inexact line searches).
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        inverse = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
        scaled = true;
      }
      inverse = bfgsUpdate(inverse, s, y, sy);
    }
    x = step.x;
    value = step.value;
    gradient = nextGradient;
  }
  return { x, value, iterations, converged, gradientNorm: maxAbs(gradient) };
}

/** Armijo backtracking with safeguarded quadratic interpolation; null when no decrease is found. */
function backtrack(f: Objective, x: number[], value: number, direction: number[], slope: number) {
  let t = 1;
  for (let k = 0; k < MAX_BACKTRACKS; k++) {
    const candidate = x.map((v, i) => v + t * direction[i]);
    const candidateValue = f(candidate);
    if (Number.isFinite(candidateValue) && candidateValue <= value + ARMIJO * t * slope) {
      return { x: candidate, value: candidateValue };
    }
    const quadratic = Number.isFinite(candidateValue) ? (-slope * t * t) / (2 * (candidateValue - value - slope * t)) : 0.1 * t;
    t = Math.min(0.5 * t, Math.max(0.1 * t, quadratic));
  }
  return null;
}

function bfgsUpdate(inverse: number[][], s: number[], y: number[], sy: number): number[][] {
  const n = s.length;
  const hy = matVec(inverse, y);
  const yhy = dot(y, hy);
  const updated = inverse.map((row) => row.slice());
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      updated[i][j] += ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
    }
  }
  return updated;
}

/** Central differences with steps ≈ ε^(1/3) relative to the parameter's size. */
export function numericalGradient(f: Objective, x: readonly number[]): number[] {
  return x.map((xi, i) => {
    const h = 6e-6 * Math.max(1, Math.abs(xi));
    const plus = x.slice();
    const minus = x.slice();
    plus[i] = xi + h;
    minus[i] = xi - h;
    return (f(plus) - f(minus)) / (plus[i] - minus[i]);
  });
}

/** Symmetric central-difference Hessian with steps ≈ ε^(1/4) relative to the parameter's size. */
export function numericalHessian(f: Objective, x: readonly number[]): number[][] {
  const n = x.length;
  const h = x.map((xi) => 1e-4 * Math.max(1, Math.abs(xi)));
  const at = (i: number, di: number, j: number, dj: number): number => {
    const point = x.slice();
    point[i] += di * h[i];
    point[j] += dj * h[j];
    return f(point);
  };
  const center = f(x);
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hessian[i][i] = (at(i, 1, i, 0) - 2 * center + at(i, -1, i, 0)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const mixed = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
      hessian[i][j] = mixed;
      hessian[j][i] = mixed;
    }
  }
  return hessian;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function matVec(m: number[][], v: number[]): number[] {
  return m.map((row) => dot(row, v));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(v: readonly number[]): number {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  return max;
}
