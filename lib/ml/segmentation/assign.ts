/**
 * Assigning rows to fitted segments: the part of segmentation that scoring needs. Kept apart
 * from the fitting code so the web server's bundle of the scoring API leaves out k-means'
 * worker threads and the compiler they start.
 */
import { toDense, type MatrixInput } from "./matrix";
import { distancesTo } from "./kmeansSteps";
import { applyTransform } from "./spaces";
import type { SegmentationModel } from "./segmentationRun";

/** Index of the nearest centroid for every row (lowest index on ties). */
export function predictKmeans(centroids: readonly (readonly number[])[], input: MatrixInput): Int32Array {
  const matrix = toDense(input, "predictKmeans");
  const k = centroids.length;
  if (k === 0) throw new Error("predictKmeans: no centroids");
  const centers = toDense(centroids, "predictKmeans centroids");
  if (centers.columns !== matrix.columns) {
    throw new Error(`predictKmeans: centroids have ${centers.columns} columns, the data ${matrix.columns}`);
  }
  const labels = new Int32Array(matrix.rows);
  const distances = new Float64Array(k);
  for (let i = 0; i < matrix.rows; i++) {
    distancesTo(matrix.data, i * matrix.columns, centers.data, k, matrix.columns, distances);
    let best = 0;
    for (let j = 1; j < k; j++) if (distances[j] < distances[best]) best = j;
    labels[i] = best;
  }
  return labels;
}

/** Segment of each standardized row: nearest centroid in the model's space. */
export function assignSegments(model: Pick<SegmentationModel, "transform" | "centroids">, input: MatrixInput): Int32Array {
  return predictKmeans(model.centroids, applyTransform(model.transform, toDense(input, "assignSegments")));
}
