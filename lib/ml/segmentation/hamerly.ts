/**
 * Lloyd iterations accelerated with Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster"): per row an upper bound on the distance to its centroid and one lower bound on the
 * distance to any other centroid. A row whose upper bound is below max(lower bound, half the
 * distance from its centroid to the nearest other centroid) cannot change cluster and is
 * skipped. Exact: same labels and centroids as `lloyd` from the same start.
 */
import type { DenseMatrix } from "./matrix";
import { centersFromSums, distancesTo, fillEmptyClusters, moveRow, squaredDistance, sumClusters, totalShift, type ClusterSums } from "./kmeansSteps";
import type { IterationOptions, IterationResult } from "./lloyd";
import type { Seeding } from "./kmeansSeeding";

export function hamerly(matrix: DenseMatrix, start: Seeding, k: number, options: IterationOptions): IterationResult {
  const centers = start.centers.slice();
  const previous = new Float64Array(centers.length);
  const labels = start.labels.slice();
  const upper = start.nearest.map(Math.sqrt);
  const lower = start.second.map(Math.sqrt);
  const moves = new Float64Array(k);
  const halfGap = new Float64Array(k);
  const clusters = sumClusters(matrix, labels, k);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    previous.set(centers);
    const relocated = fillEmptyClusters(matrix, labels, clusters, centers);
    centersFromSums(clusters, centers, matrix.columns);
    const shift = totalShift(previous, centers);
    loosenBounds(previous, centers, k, matrix.columns, labels, upper, lower, moves);
    // A relocated row's bounds refer to its old centroid: force a fresh look.
    for (const i of relocated) {
      upper[i] = Infinity;
      lower[i] = 0;
    }
    halfGaps(centers, k, matrix.columns, halfGap);
    const changed = assignBounded(matrix, centers, k, labels, upper, lower, halfGap, clusters);
    converged = changed === 0 || shift <= options.tolerance;
  }
  return { centers, labels, iterations, converged };
}

/** Full scan of row i: nearest centroid (lowest index on ties), exact upper and lower bounds. Returns the label. */
function scanAll(
  matrix: DenseMatrix,
  centers: Float64Array,
  k: number,
  i: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  distances: Float64Array,
): number {
  distancesTo(matrix.data, i * matrix.columns, centers, k, matrix.columns, distances);
  let best = 0;
  let second = Infinity;
  for (let j = 1; j < k; j++) {
    if (distances[j] < distances[best]) {
      second = distances[best];
      best = j;
    } else if (distances[j] < second) {
      second = distances[j];
    }
  }
  labels[i] = best;
  upper[i] = Math.sqrt(distances[best]);
  lower[i] = Math.sqrt(second);
  return best;
}

/** Triangle inequality after the centroids moved: upper grows by its centroid's move, lower shrinks by the largest other move. */
function loosenBounds(
  previous: Float64Array,
  centers: Float64Array,
  k: number,
  columns: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  moves: Float64Array,
): void {
  let largest = 0;
  let largestAt = -1;
  let secondLargest = 0;
  for (let j = 0; j < k; j++) {
    moves[j] = Math.sqrt(squaredDistance(previous, j * columns, centers, j * columns, columns));
    if (moves[j] > largest) {
      secondLargest = largest;
      largest = moves[j];
      largestAt = j;
    } else if (moves[j] > secondLargest) {
      secondLargest = moves[j];
    }
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    upper[i] += moves[label];
    lower[i] -= label === largestAt ? secondLargest : largest;
  }
}

/** Half the distance from each centroid to its nearest other centroid. */
function halfGaps(centers: Float64Array, k: number, columns: number, out: Float64Array): void {
  out.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = Math.sqrt(squaredDistance(centers, a * columns, centers, b * columns, columns)) / 2;
      if (half < out[a]) out[a] = half;
      if (half < out[b]) out[b] = half;
    }
  }
}

function assignBounded(
  matrix: DenseMatrix,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  clusters: ClusterSums,
): number {
  const { data, rows, columns } = matrix;
  const distances = new Float64Array(k);
  let changed = 0;
  for (let i = 0; i < rows; i++) {
    const label = labels[i];
    const bound = halfGap[label] > lower[i] ? halfGap[label] : lower[i];
    if (upper[i] <= bound) continue;
    upper[i] = Math.sqrt(squaredDistance(data, i * columns, centers, label * columns, columns));
    if (upper[i] <= bound) continue;
    const nearest = scanAll(matrix, centers, k, i, labels, upper, lower, distances);
    if (nearest !== label) {
      changed++;
      moveRow(clusters, matrix, i, label, nearest);
    }
  }
  return changed;
}
