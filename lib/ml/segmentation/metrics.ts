/**
 * Cluster quality measures, defined as in scikit-learn. Silhouette (pairwise, sampled when
 * large) lives in ./silhouette; the centroid-based ones here are one pass over the rows.
 * Empty clusters (labels never used) are ignored, as scikit-learn's label encoding does.
 */
import { groupMeans, toDense, type DenseMatrix, type MatrixInput } from "./matrix";
import { measureInertia, squaredDistance } from "./kmeansSteps";
import { checkLabels } from "./labels";

export { silhouette, silhouettes, type SilhouetteOptions, type SilhouetteResult } from "./silhouette";

/** Sum of squared distances from each row to the mean of its cluster (k-means' objective). */
export function inertia(input: MatrixInput, labels: Int32Array): number {
  const matrix = toDense(input, "inertia");
  const centers = groupMeans(matrix, labels, checkLabels(labels, matrix.rows, "inertia"));
  return measureInertia(matrix, labels, centers);
}

/**
 * Davies–Bouldin index (lower is better): with S_i the mean distance of cluster i's rows to
 * its centroid and M_ij the distance between centroids, DB = mean over i of
 * max over j ≠ i of (S_i + S_j) / M_ij. Coincident centroids contribute 0, as in scikit-learn.
 */
export function daviesBouldin(input: MatrixInput, labels: Int32Array): number {
  const { matrix, centers, present } = clusterMeans(input, labels, "daviesBouldin");
  const { data, rows, columns } = matrix;
  const spread = new Float64Array(centers.length / columns);
  const counts = new Float64Array(spread.length);
  for (let i = 0; i < rows; i++) {
    spread[labels[i]] += Math.sqrt(squaredDistance(data, i * columns, centers, labels[i] * columns, columns));
    counts[labels[i]]++;
  }
  let total = 0;
  for (const a of present) {
    let worst = 0;
    for (const b of present) {
      if (a === b) continue;
      const gap = Math.sqrt(squaredDistance(centers, a * columns, centers, b * columns, columns));
      const ratio = gap > 0 ? (spread[a] / counts[a] + spread[b] / counts[b]) / gap : 0;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / present.length;
}

/**
 * Calinski–Harabasz index (higher is better): (B / (k − 1)) / (W / (n − k)), B the
 * between-cluster and W the within-cluster sum of squares. 1 when W = 0, as in scikit-learn.
 */
export function calinskiHarabasz(input: MatrixInput, labels: Int32Array): number {
  const { matrix, centers, present } = clusterMeans(input, labels, "calinskiHarabasz");
  const { data, rows, columns } = matrix;
  const overall = new Float64Array(columns);
  for (let i = 0; i < data.length; i++) overall[i % columns] += data[i] / rows;
  const counts = new Float64Array(centers.length / columns);
  for (let i = 0; i < rows; i++) counts[labels[i]]++;
  let between = 0;
  for (const j of present) between += counts[j] * squaredDistance(centers, j * columns, overall, 0, columns);
  const within = measureInertia(matrix, labels, centers);
  const k = present.length;
  return within === 0 ? 1 : between / (k - 1) / (within / (rows - k));
}

function clusterMeans(input: MatrixInput, labels: Int32Array, where: string): { matrix: DenseMatrix; centers: Float64Array; present: number[] } {
  const matrix = toDense(input, where);
  const k = checkLabels(labels, matrix.rows, where);
  const centers = groupMeans(matrix, labels, k);
  const present = Array.from({ length: k }, (_, j) => j).filter((j) => !Number.isNaN(centers[j * matrix.columns]));
  if (present.length < 2 || present.length > matrix.rows - 1) {
    throw new Error(`${where}: needs 2 to ${matrix.rows - 1} clusters, found ${present.length}`);
  }
  return { matrix, centers, present };
}
