/**
 * The steps shared by the Lloyd and Hamerly iterations.
 *
 * Imports stay relative (no "@/" alias) in every module the k-means worker loads: the
 * worker compiles them through tsx's API, which does not apply tsconfig paths reliably.
 */
import type { DenseMatrix } from "./matrix";

/** Squared Euclidean distance between row `aAt` of `a` and row `bAt` of `b` (offsets in values). */
export function squaredDistance(a: Float64Array, aAt: number, b: Float64Array, bAt: number, columns: number): number {
  let sum = 0;
  for (let c = 0; c < columns; c++) {
    const diff = a[aAt + c] - b[bAt + c];
    sum += diff * diff;
  }
  return sum;
}

/**
 * Squared distances from row `at` of `data` to `count` points stored row-major in `points`,
 * written to out[0..count). Points are taken four (then two) at a time so each value of the
 * row is loaded once per block and the four sums run in parallel: about 1.5× faster than
 * separate squaredDistance calls, and bit-identical to them (each sum runs over the columns
 * in the same order).
 */
export function distancesTo(data: Float64Array, at: number, points: Float64Array, count: number, columns: number, out: Float64Array): void {
  let p = 0;
  for (; p + 3 < count; p += 4) {
    const b0 = p * columns;
    const b1 = b0 + columns;
    const b2 = b1 + columns;
    const b3 = b2 + columns;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let c = 0; c < columns; c++) {
      const x = data[at + c];
      const d0 = x - points[b0 + c];
      const d1 = x - points[b1 + c];
      const d2 = x - points[b2 + c];
      const d3 = x - points[b3 + c];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[p] = s0;
    out[p + 1] = s1;
    out[p + 2] = s2;
    out[p + 3] = s3;
  }
  for (; p + 1 < count; p += 2) {
    const b0 = p * columns;
    const b1 = b0 + columns;
    let s0 = 0;
    let s1 = 0;
    for (let c = 0; c < columns; c++) {
      const x = data[at + c];
      const d0 = x - points[b0 + c];
      const d1 = x - points[b1 + c];
      s0 += d0 * d0;
      s1 += d1 * d1;
    }
    out[p] = s0;
    out[p + 1] = s1;
  }
  if (p < count) out[p] = squaredDistance(data, at, points, p * columns, columns);
}

/**
 * Per-cluster sums and counts, kept up to date as rows change cluster so that a centroid
 * update costs O(changes · d) instead of O(n · d). Lloyd and Hamerly apply the same moves in
 * the same row order, so their sums, and so their centroids, stay bit-identical.
 */
export interface ClusterSums {
  sums: Float64Array;
  counts: Float64Array;
}

export function sumClusters(matrix: DenseMatrix, labels: Int32Array, k: number): ClusterSums {
  const { data, rows, columns } = matrix;
  const sums = new Float64Array(k * columns);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const from = i * columns;
    const to = labels[i] * columns;
    counts[labels[i]]++;
    for (let c = 0; c < columns; c++) sums[to + c] += data[from + c];
  }
  return { sums, counts };
}

/** Moves row i from cluster `from` to cluster `to` in the sums (the caller updates the label). */
export function moveRow(clusters: ClusterSums, matrix: DenseMatrix, i: number, from: number, to: number): void {
  const { data, columns } = matrix;
  const { sums, counts } = clusters;
  const at = i * columns;
  for (let c = 0; c < columns; c++) {
    sums[from * columns + c] -= data[at + c];
    sums[to * columns + c] += data[at + c];
  }
  counts[from]--;
  counts[to]++;
}

export function centersFromSums({ sums, counts }: ClusterSums, centers: Float64Array, columns: number): void {
  for (let j = 0; j < counts.length; j++) {
    for (let c = 0; c < columns; c++) centers[j * columns + c] = sums[j * columns + c] / counts[j];
  }
}

/** Nearest centroid of every row (lowest index on ties), moving changed rows in the sums; returns how many changed. */
export function assignAll(matrix: DenseMatrix, centers: Float64Array, k: number, labels: Int32Array, clusters: ClusterSums): number {
  const { data, rows, columns } = matrix;
  const distances = new Float64Array(k);
  let changed = 0;
  for (let i = 0; i < rows; i++) {
    distancesTo(data, i * columns, centers, k, columns, distances);
    let best = 0;
    for (let j = 1; j < k; j++) if (distances[j] < distances[best]) best = j;
    if (labels[i] !== best) {
      changed++;
      moveRow(clusters, matrix, i, labels[i], best);
      labels[i] = best;
    }
  }
  return changed;
}

/**
 * A cluster left empty takes the row farthest from its current centroid (as scikit-learn
 * does), which changes that row's label; the relocated rows are returned so bound-keeping
 * callers can reset them.
 */
export function fillEmptyClusters(matrix: DenseMatrix, labels: Int32Array, clusters: ClusterSums, centers: Float64Array): number[] {
  const { counts } = clusters;
  if (!counts.includes(0)) return [];
  const { data, rows, columns } = matrix;
  const distances = new Float64Array(rows);
  for (let i = 0; i < rows; i++) distances[i] = squaredDistance(data, i * columns, centers, labels[i] * columns, columns);
  const relocated: number[] = [];
  for (let j = 0; j < counts.length; j++) {
    if (counts[j] > 0) continue;
    let far = -1;
    for (let i = 0; i < rows; i++) {
      if (counts[labels[i]] > 1 && (far < 0 || distances[i] > distances[far])) far = i;
    }
    if (far < 0) break;
    moveRow(clusters, matrix, far, labels[far], j);
    labels[far] = j;
    distances[far] = -1;
    relocated.push(far);
  }
  return relocated;
}

/** Sum of squared distances from each row to its assigned centroid. */
export function measureInertia(matrix: DenseMatrix, labels: Int32Array, centers: Float64Array): number {
  const { data, rows, columns } = matrix;
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += squaredDistance(data, i * columns, centers, labels[i] * columns, columns);
  return sum;
}

/** Sum over clusters of the squared distance each centroid moved. */
export function totalShift(previous: Float64Array, centers: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < centers.length; i++) {
    const diff = centers[i] - previous[i];
    sum += diff * diff;
  }
  return sum;
}
