/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with a backtracking
 * line search: deterministic, and exact to the tolerance on the few dozen features used here.
 * Minimises Σ wᵢ·logloss(yᵢ, pᵢ) + (l2/2)·‖β‖², the intercept unpenalised.
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";

export type ClassWeight = "balanced" | { negative: number; positive: number } | null;

export interface LogisticOptions {
  l2?: number;
  /** "balanced" weighs each class by n / (2 · n_class), as scikit-learn does. */
  classWeight?: ClassWeight;
  maxIterations?: number;
  tolerance?: number;
}

export interface LogisticModel {
  kind: "logistic";
  intercept: number;
  coefficients: number[];
  l2: number;
  iterations: number;
  converged: boolean;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

export function computeClassWeights(labels: ArrayLike<number>, classWeight: ClassWeight): { negative: number; positive: number } {
  if (classWeight === null) return { negative: 1, positive: 1 };
  if (classWeight !== "balanced") return classWeight;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  const n = labels.length;
  return { negative: n / (2 * (n - positives)), positive: n / (2 * positives) };
}

function checkShapes(matrix: Float64Array, columns: number, rows: number, where: string): void {
  if (!Number.isInteger(columns) || columns <= 0) throw new Error(`${where}: columns must be a positive integer`);
  if (matrix.length !== rows * columns) throw new Error(`${where}: matrix has ${matrix.length} values, expected ${rows} × ${columns}`);
}

/** The linear predictor β₀ + xᵢ·β for every row. */
export function computeLogisticMargins(model: LogisticModel, matrix: Float64Array, columns: number): Float64Array {
  const rows = matrix.length / columns;
  checkShapes(matrix, columns, rows, "computeLogisticMargins");
  if (model.coefficients.length !== columns)
    throw new Error(`computeLogisticMargins: model has ${model.coefficients.length} coefficients, matrix ${columns} columns`);
  const margins = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = model.intercept;
    for (let j = 0; j < columns; j++) z += matrix[i * columns + j] * model.coefficients[j];
    margins[i] = z;
  }
  return margins;
}

export function predictLogistic(model: LogisticModel, matrix: Float64Array, columns: number): Float64Array {
  return computeLogisticMargins(model, matrix, columns).map(sigmoid);
}

export function fitLogistic(matrix: Float64Array, columns: number, labels: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  const { l2 = 1, classWeight = null, maxIterations = 100, tolerance = 1e-8 } = options;
  const rows = labels.length;
  checkShapes(matrix, columns, rows, "fitLogistic");
  if (!(l2 >= 0)) throw new Error(`fitLogistic: l2 must be ≥ 0, got ${l2}`);
  const weights = computeClassWeights(labels, classWeight);
  const rowWeight = Float64Array.from({ length: rows }, (_, i) => (labels[i] === 1 ? weights.positive : weights.negative));
  const p = columns + 1;
  const objective = (beta: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      let z = beta[0];
      for (let j = 0; j < columns; j++) z += matrix[i * columns + j] * beta[j + 1];
      loss += rowWeight[i] * (softplus(z) - labels[i] * z);
    }
    let penalty = 0;
    for (let j = 1; j < p; j++) penalty += beta[j] ** 2;
    return loss + (l2 / 2) * penalty;
  };

  let beta = new Float64Array(p);
  let current = objective(beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const step = newtonStep(matrix, columns, labels, rowWeight, beta, l2);
    let scale = 1;
    let candidate = beta;
    let value = current;
    // Backtracking keeps every step a descent step even far from the optimum.
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      candidate = beta.map((b, j) => b - scale * step[j]);
      value = objective(candidate);
      if (value <= current) break;
    }
    if (value > current) break;
    const largest = step.reduce((m, s) => Math.max(m, Math.abs(s * scale)), 0);
    converged = largest < tolerance || current - value <= 1e-12 * Math.max(1, current);
    beta = candidate;
    current = value;
  }
  return { kind: "logistic", intercept: beta[0], coefficients: Array.from(beta.subarray(1)), l2, iterations, converged };
}

/** Solves H·δ = g for the Newton direction at beta (H = X̃ᵀWX̃ + l2·I without the intercept). */
function newtonStep(matrix: Float64Array, columns: number, labels: ArrayLike<number>, rowWeight: Float64Array, beta: Float64Array, l2: number): Float64Array {
  const p = columns + 1;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const row = new Float64Array(p);
  row[0] = 1;
  for (let i = 0; i < labels.length; i++) {
    let z = beta[0];
    for (let j = 0; j < columns; j++) {
      row[j + 1] = matrix[i * columns + j];
      z += row[j + 1] * beta[j + 1];
    }
    const prob = sigmoid(z);
    const residual = rowWeight[i] * (prob - labels[i]);
    const curvature = rowWeight[i] * prob * (1 - prob);
    for (let a = 0; a < p; a++) {
      gradient[a] += residual * row[a];
      const scaled = curvature * row[a];
      for (let b = a; b < p; b++) hessian[a * p + b] += scaled * row[b];
    }
  }
  for (let a = 0; a < p; a++) {
    // A tiny ridge on the intercept keeps H positive definite when a class is (nearly) separable.
    hessian[a * p + a] += a === 0 ? 1e-10 : l2;
    if (a > 0) gradient[a] += l2 * beta[a];
    for (let b = 0; b < a; b++) hessian[a * p + b] = hessian[b * p + a];
  }
  const h = new Matrix(Array.from({ length: p }, (_, a) => Array.from(hessian.subarray(a * p, a * p + p))));
  const solution = new CholeskyDecomposition(h).solve(Matrix.columnVector(Array.from(gradient)));
  return Float64Array.from(solution.getColumn(0));
}
