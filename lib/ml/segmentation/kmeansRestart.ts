/**
 * One k-means restart: k-means++ seeding from its own seed, then iterations. The unit of work
 * both the single-threaded path and the worker threads run, so they give identical results.
 */
import { createRng } from "../random";
import type { DenseMatrix } from "./matrix";
import { kmeansPlusPlus } from "./kmeansSeeding";
import { hamerly } from "./hamerly";
import { lloyd } from "./lloyd";
import { measureInertia } from "./kmeansSteps";

export type KmeansAlgorithm = "hamerly" | "lloyd";

export interface RestartSettings {
  k: number;
  algorithm: KmeansAlgorithm;
  maxIterations: number;
  /** Absolute: the relative tolerance times the mean feature variance. */
  tolerance: number;
  localTrials: number;
}

export interface RestartResult {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

export function runRestart(matrix: DenseMatrix, seed: number, settings: RestartSettings): RestartResult {
  const start = kmeansPlusPlus(matrix, settings.k, createRng(seed), settings.localTrials);
  const iterate = settings.algorithm === "lloyd" ? lloyd : hamerly;
  const result = iterate(matrix, start, settings.k, settings);
  return { ...result, inertia: measureInertia(matrix, result.labels, result.centers) };
}

/** The better of two restarts: lower inertia, the earlier restart on ties (so the order of completion does not matter). */
export function isBetterRestart(a: { inertia: number; restart: number }, b: { inertia: number; restart: number }): boolean {
  return a.inertia < b.inertia || (a.inertia === b.inertia && a.restart < b.restart);
}
