/**
 * Principal component analysis: one pass for the mean, one for the covariance (n − 1
 * divisor, as scikit-learn), then an eigendecomposition of the small d × d matrix with
 * ml-matrix. Each component's sign is fixed so its largest-magnitude loading is positive
 * (first such loading on ties), so refits on the same data give the same axes.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { keptPerObject } from "@/lib/ml/keptPerObject";
import { toDense, type DenseMatrix, type MatrixInput } from "./matrix";

export interface PcaModel {
  mean: number[];
  /** Principal axes, one unit row of length d per component, by decreasing variance. */
  components: number[][];
  /** Variance along each kept component. */
  explainedVariance: number[];
  /** Share of the total variance along each kept component. */
  explainedVarianceRatio: number[];
}

export type PcaOptions = { varianceToKeep: number } | { components: number };

export function fitPca(input: MatrixInput, options: PcaOptions): PcaModel {
  const matrix = toDense(input, "fitPca");
  if (matrix.rows < 2) throw new Error(`fitPca: needs at least 2 rows, got ${matrix.rows}`);
  const mean = columnMeans(matrix);
  const { values, vectors } = sortedEigen(covariance(matrix, mean), matrix.columns);
  const total = values.reduce((sum, value) => sum + value, 0);
  const ratios = values.map((value) => (total > 0 ? value / total : 0));
  const kept = componentCount(ratios, options);
  return {
    mean: Array.from(mean),
    components: vectors.slice(0, kept).map(fixSign),
    explainedVariance: values.slice(0, kept),
    explainedVarianceRatio: ratios.slice(0, kept),
  };
}

/** A model's mean and first axes as flat arrays: the scoring API projects one customer at a time, and flattening cost more than projecting. */
const flatModel = keptPerObject((model: PcaModel, components: number) => {
  const columns = model.mean.length;
  const axes = new Float64Array(components * columns);
  for (let p = 0; p < components; p++) axes.set(model.components[p], p * columns);
  return { axes, mean: Float64Array.from(model.mean) };
});

/** Coordinates of the rows on the first `components` axes (all kept axes by default). */
export function transformPca(model: PcaModel, input: MatrixInput, components = model.components.length): DenseMatrix {
  const matrix = toDense(input, "transformPca");
  const { data, rows, columns } = matrix;
  if (columns !== model.mean.length) throw new Error(`transformPca: the model expects ${model.mean.length} columns, got ${columns}`);
  if (!Number.isInteger(components) || components < 1 || components > model.components.length) {
    throw new Error(`transformPca: components must be an integer in [1, ${model.components.length}], got ${components}`);
  }
  const { axes, mean } = flatModel(model, components);
  const centred = new Float64Array(columns);
  const out = new Float64Array(rows * components);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < columns; c++) centred[c] = data[i * columns + c] - mean[c];
    for (let p = 0; p < components; p++) {
      let sum = 0;
      for (let c = 0; c < columns; c++) sum += centred[c] * axes[p * columns + c];
      out[i * components + p] = sum;
    }
  }
  return { data: out, rows, columns: components };
}

/** The same model keeping only its first `components` axes. */
export function truncatePca(model: PcaModel, components: number): PcaModel {
  if (!Number.isInteger(components) || components < 1 || components > model.components.length) {
    throw new Error(`truncatePca: components must be an integer in [1, ${model.components.length}], got ${components}`);
  }
  return {
    mean: model.mean,
    components: model.components.slice(0, components),
    explainedVariance: model.explainedVariance.slice(0, components),
    explainedVarianceRatio: model.explainedVarianceRatio.slice(0, components),
  };
}

/** Fewest leading components whose variance ratios add up to at least `share`. */
export function componentsForVariance(ratios: readonly number[], share: number): number {
  let cumulative = 0;
  for (let p = 0; p < ratios.length; p++) {
    cumulative += ratios[p];
    // The tolerance keeps "exactly 90%" from failing on rounding.
    if (cumulative >= share - 1e-12) return p + 1;
  }
  return ratios.length;
}

function componentCount(ratios: number[], options: PcaOptions): number {
  if ("components" in options) {
    const { components } = options;
    if (!Number.isInteger(components) || components < 1 || components > ratios.length) {
      throw new Error(`fitPca: components must be an integer in [1, ${ratios.length}], got ${components}`);
    }
    return components;
  }
  const { varianceToKeep } = options;
  if (!(varianceToKeep > 0 && varianceToKeep <= 1)) throw new Error(`fitPca: varianceToKeep must be in (0, 1], got ${varianceToKeep}`);
  return componentsForVariance(ratios, varianceToKeep);
}

function columnMeans({ data, rows, columns }: DenseMatrix): Float64Array {
  const mean = new Float64Array(columns);
  for (let i = 0; i < data.length; i++) mean[i % columns] += data[i];
  for (let c = 0; c < columns; c++) mean[c] /= rows;
  return mean;
}

/** Upper triangle accumulated row by row (cache-friendly over the row-major data), then mirrored. */
function covariance({ data, rows, columns }: DenseMatrix, mean: Float64Array): Float64Array {
  const cov = new Float64Array(columns * columns);
  const centred = new Float64Array(columns);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < columns; c++) centred[c] = data[i * columns + c] - mean[c];
    for (let a = 0; a < columns; a++) {
      const value = centred[a];
      const at = a * columns;
      for (let b = a; b < columns; b++) cov[at + b] += value * centred[b];
    }
  }
  for (let a = 0; a < columns; a++) {
    for (let b = a; b < columns; b++) {
      cov[a * columns + b] /= rows - 1;
      cov[b * columns + a] = cov[a * columns + b];
    }
  }
  return cov;
}

function sortedEigen(cov: Float64Array, columns: number): { values: number[]; vectors: number[][] } {
  const rows = Array.from({ length: columns }, (_, a) => Array.from(cov.subarray(a * columns, (a + 1) * columns)));
  const decomposition = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const vectors = decomposition.eigenvectorMatrix.transpose().to2DArray();
  const order = decomposition.realEigenvalues
    .map((value, index) => ({ value: Math.max(0, value), index }))
    .sort((a, b) => b.value - a.value || a.index - b.index);
  return { values: order.map(({ value }) => value), vectors: order.map(({ index }) => vectors[index]) };
}

function fixSign(axis: number[]): number[] {
  let largest = 0;
  for (let c = 1; c < axis.length; c++) if (Math.abs(axis[c]) > Math.abs(axis[largest])) largest = c;
  return axis[largest] < 0 ? axis.map((value) => -value) : axis;
}
