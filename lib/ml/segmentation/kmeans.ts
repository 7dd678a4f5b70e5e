/**
 * k-means: k-means++ seeding (greedy, as scikit-learn), Hamerly-accelerated Lloyd iterations,
 * several restarts keeping the lowest inertia. Deterministic for a seed: restart r always
 * starts from the r-th seed drawn from createRng(seed), whether it runs here or in a worker.
 */
import { availableParallelism } from "node:os";
import { createRng } from "@/lib/ml/random";
import { toDense, toRows, type DenseMatrix, type MatrixInput } from "./matrix";
import { isBetterRestart, runRestart, type KmeansAlgorithm, type RestartSettings } from "./kmeansRestart";
import { greedyLocalTrials } from "./kmeansSeeding";
import { runRestartsInWorkers, type RankedRestart } from "./kmeansParallel";

export interface KmeansOptions {
  k: number;
  seed: number;
  /** Independent seedings; the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Default 300. */
  maxIterations?: number;
  /** Relative to the mean feature variance, as scikit-learn's `tol`. Default 1e-4. */
  tolerance?: number;
  /** Default "hamerly"; "lloyd" is the unaccelerated reference. */
  algorithm?: KmeansAlgorithm;
  /** Candidates per k-means++ centre. Default 2 + floor(ln k). */
  localTrials?: number;
  /** Worker threads for the restarts: "auto" (default) uses up to 2 when the data is large; 1 stays on this thread. */
  workers?: number | "auto";
}

export interface KmeansResult {
  centroids: number[][];
  labels: Int32Array;
  /** Sum of squared distances to the assigned centroid. */
  inertia: number;
  /** Iterations of the winning restart. */
  iterations: number;
  converged: boolean;
  /** Worker threads that ran the restarts; 0 when they ran on the calling thread. */
  workers: number;
}

/**
 * Below this many values (rows × columns) starting workers (~0.4 s: tsx compiles the restart
 * code, then it warms up) costs about what it saves: break-even was near 100,000 × 24.
 */
const PARALLEL_MIN_VALUES = 4_000_000;
const MAX_AUTO_WORKERS = 2;

export function fitKmeansSync(input: MatrixInput, options: KmeansOptions): KmeansResult {
  return runHere(prepare(input, options));
}

/** As fitKmeansSync, with restarts spread over worker threads for large data (falls back to this thread if workers fail to start). */
export async function fitKmeans(input: MatrixInput, options: KmeansOptions): Promise<KmeansResult> {
  const prepared = prepare(input, options);
  const { matrix, settings, seeds } = prepared;
  const workers = workerCount(matrix, seeds.length, options.workers ?? "auto");
  if (workers <= 1) return runHere(prepared);
  try {
    return toResult(await runRestartsInWorkers(matrix, seeds, settings, workers), matrix.columns, workers);
  } catch {
    // Workers need tsx to compile the restart code; without it (e.g. inside a bundle) stay on this thread.
    return runHere(prepared);
  }
}

interface Prepared {
  matrix: DenseMatrix;
  settings: RestartSettings;
  seeds: number[];
}

function runHere({ matrix, settings, seeds }: Prepared): KmeansResult {
  let best: RankedRestart | null = null;
  seeds.forEach((seed, restart) => {
    const result = { ...runRestart(matrix, seed, settings), restart };
    if (best === null || isBetterRestart(result, best)) best = result;
  });
  return toResult(best!, matrix.columns, 0);
}

function prepare(input: MatrixInput, options: KmeansOptions): Prepared {
  const matrix = toDense(input, "fitKmeans");
  const { k, seed, restarts = 10, maxIterations = 300, tolerance = 1e-4, algorithm = "hamerly" } = options;
  const localTrials = options.localTrials ?? greedyLocalTrials(k);
  if (!Number.isInteger(k) || k < 1 || k > matrix.rows) throw new Error(`fitKmeans: k must be an integer in [1, ${matrix.rows}], got ${k}`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new Error(`fitKmeans: restarts must be a positive integer, got ${restarts}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`fitKmeans: maxIterations must be a positive integer, got ${maxIterations}`);
  if (!(tolerance >= 0)) throw new Error(`fitKmeans: tolerance must be ≥ 0, got ${tolerance}`);
  if (!Number.isInteger(localTrials) || localTrials < 1) throw new Error(`fitKmeans: localTrials must be a positive integer, got ${localTrials}`);
  if (algorithm !== "hamerly" && algorithm !== "lloyd") throw new Error(`fitKmeans: unknown algorithm ${String(algorithm)}`);
  const rng = createRng(seed);
  const seeds = Array.from({ length: restarts }, () => rng.seed());
  const settings = { k, algorithm, maxIterations, tolerance: tolerance * meanVariance(matrix), localTrials };
  return { matrix, settings, seeds };
}

function workerCount(matrix: DenseMatrix, restarts: number, requested: number | "auto"): number {
  if (requested !== "auto") {
    if (!Number.isInteger(requested) || requested < 1) throw new Error(`fitKmeans: workers must be a positive integer or "auto", got ${requested}`);
    return Math.min(requested, restarts);
  }
  if (matrix.rows * matrix.columns < PARALLEL_MIN_VALUES) return 1;
  return Math.min(MAX_AUTO_WORKERS, availableParallelism(), restarts);
}

/** Mean over columns of the (population) variance: scales the tolerance to the data. */
function meanVariance(matrix: DenseMatrix): number {
  const { data, rows, columns } = matrix;
  const means = new Float64Array(columns);
  for (let i = 0; i < data.length; i++) means[i % columns] += data[i];
  for (let c = 0; c < columns; c++) means[c] /= rows;
  let squares = 0;
  for (let i = 0; i < data.length; i++) squares += (data[i] - means[i % columns]) ** 2;
  return squares / rows / columns;
}

function toResult(best: RankedRestart, columns: number, workers: number): KmeansResult {
  const { centers, labels, inertia, iterations, converged } = best;
  return { centroids: toRows(centers, centers.length / columns, columns), labels, inertia, iterations, converged, workers };
}
