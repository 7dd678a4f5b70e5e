/**
 * Silhouette coefficient (Rousseeuw 1987), as scikit-learn's silhouette_score: for each row
 * a = mean distance to the other members of its cluster, b = lowest mean distance to another
 * cluster, s = (b − a) / max(a, b), and s = 0 for a row alone in its cluster. O(m²·d), so
 * above `sampleSize` rows it is computed on a seeded sample of that many rows.
 */
import { createRng } from "@/lib/ml/random";
import { toDense, type MatrixInput } from "./matrix";
import { squaredDistance } from "./kmeansSteps";
import { checkLabels } from "./labels";

export interface SilhouetteOptions {
  /** Rows above which a sample is scored instead. Default 5,000. */
  sampleSize?: number;
  /** Seed for the sample. Default 0. */
  seed?: number;
}

export interface SilhouetteResult {
  score: number;
  sampled: boolean;
  /** Rows actually scored (all of them when not sampled). */
  sampleSize: number;
}

export function silhouette(input: MatrixInput, labels: Int32Array, options: SilhouetteOptions = {}): SilhouetteResult {
  return silhouettes(input, [labels], options)[0];
}

/**
 * Silhouettes of several labellings of the same rows (e.g. one per k) on one shared sample,
 * computing each pairwise distance once.
 */
export function silhouettes(input: MatrixInput, labellings: readonly Int32Array[], options: SilhouetteOptions = {}): SilhouetteResult[] {
  const matrix = toDense(input, "silhouette");
  const { sampleSize = 5_000, seed = 0 } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) throw new Error(`silhouette: sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  const sampled = matrix.rows > sampleSize;
  const rows = sampled
    ? createRng(seed)
        .sample(matrix.rows, sampleSize)
        .sort((a, b) => a - b)
    : Array.from({ length: matrix.rows }, (_, i) => i);
  const sets = labellings.map((labels, l) => sampleLabels(labels, matrix.rows, rows, `silhouette labelling ${l}`));
  const sums = sets.map(({ k }) => new Float64Array(rows.length * k));
  const { data, columns } = matrix;
  // Each row's distances to the later rows are computed once, then added up per labelling in
  // turn (contiguous passes instead of every labelling's sums touched per pair); the additions
  // happen in the same order as pair by pair, so the sums are the same to the bit.
  const distances = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const at = rows[i] * columns;
    for (let j = i + 1; j < rows.length; j++) distances[j] = Math.sqrt(squaredDistance(data, at, data, rows[j] * columns, columns));
    for (let l = 0; l < sets.length; l++) {
      const { labels, k } = sets[l];
      const sum = sums[l];
      const own = labels[i];
      const atI = i * k;
      for (let j = i + 1; j < rows.length; j++) {
        sum[atI + labels[j]] += distances[j];
        sum[j * k + own] += distances[j];
      }
    }
  }
  return sets.map((set, l) => ({ score: meanSilhouette(set, sums[l]), sampled, sampleSize: rows.length }));
}

interface SampleLabels {
  labels: Int32Array;
  k: number;
  counts: Float64Array;
}

function sampleLabels(labels: Int32Array, n: number, rows: readonly number[], where: string): SampleLabels {
  const k = checkLabels(labels, n, where);
  const picked = Int32Array.from(rows, (row) => labels[row]);
  const counts = new Float64Array(k);
  for (const label of picked) counts[label]++;
  const present = counts.filter((count) => count > 0).length;
  if (present < 2 || present > rows.length - 1) {
    throw new Error(`${where}: needs 2 to ${rows.length - 1} clusters among the scored rows, found ${present}`);
  }
  return { labels: picked, k, counts };
}

function meanSilhouette({ labels, k, counts }: SampleLabels, sums: Float64Array): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const own = labels[i];
    if (counts[own] < 2) continue;
    const a = sums[i * k + own] / (counts[own] - 1);
    let b = Infinity;
    for (let j = 0; j < k; j++) {
      if (j !== own && counts[j] > 0) b = Math.min(b, sums[i * k + j] / counts[j]);
    }
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / labels.length;
}
