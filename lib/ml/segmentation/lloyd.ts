/**
 * Plain Lloyd iterations: the reference the Hamerly version must match. Convergence follows
 * scikit-learn: stop when no label changes or when the total squared centroid shift is at
 * most `tolerance` (already absolute).
 */
import type { DenseMatrix } from "./matrix";
import type { Seeding } from "./kmeansSeeding";
import { assignAll, centersFromSums, fillEmptyClusters, sumClusters, totalShift } from "./kmeansSteps";

export interface IterationOptions {
  maxIterations: number;
  /** Absolute bound on the summed squared centroid shift. */
  tolerance: number;
}

export interface IterationResult {
  centers: Float64Array;
  labels: Int32Array;
  iterations: number;
  converged: boolean;
}

export function lloyd(matrix: DenseMatrix, start: Seeding, k: number, options: IterationOptions): IterationResult {
  const centers = start.centers.slice();
  const previous = new Float64Array(centers.length);
  const labels = start.labels.slice();
  const clusters = sumClusters(matrix, labels, k);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    previous.set(centers);
    fillEmptyClusters(matrix, labels, clusters, centers);
    centersFromSums(clusters, centers, matrix.columns);
    const shift = totalShift(previous, centers);
    const changed = assignAll(matrix, centers, k, labels, clusters);
    converged = changed === 0 || shift <= options.tolerance;
  }
  return { centers, labels, iterations, converged };
}
