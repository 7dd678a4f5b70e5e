/**
 * Choice of k: k-means for every k in [kMin, kMax] on the given rows (a sample of the data
 * when it is large), each labelling measured for separation (silhouette), stability across
 * seeded subsamples (kStability.ts) and its smallest segment's share; then kRule.ts picks.
 * The inertias make the elbow curve.
 *
 * Silhouettes are measured in `scoreIn`, the standardized features of the same rows: the space
 * the spaces are compared in and the run's headline silhouette is measured in, so the chosen
 * k's point on the curve is that headline whenever nothing was sampled.
 */
import { fitKmeansSync, type KmeansResult } from "./kmeans";
import { K_RULE_DEFAULTS, pickK, type KRule } from "./kRule";
import { measureKStabilities, subsampleRows, STABILITY_DEFAULTS, type StabilityOptions } from "./kStability";
import type { DenseMatrix } from "./matrix";
import { silhouettes } from "./silhouette";

export interface KCurvePoint {
  k: number;
  inertia: number;
  silhouette: number;
  /** The smallest segment's share of the rows; absent in runs trained before it was recorded. */
  minShare?: number;
  /** Mean adjusted Rand index between subsample fits; absent in runs trained before it was measured. */
  stability?: number;
}

/** What rule chose k and why, as reported with the run. */
export interface KChoiceSummary {
  /** One sentence, e.g. "k = 4: the best-separated of the k from 3 to 8 whose …". */
  reason: string;
  /** True when an administrator fixed k. */
  fixed: boolean;
  /** The range the rule looked at (kMax lowered when there are too few rows for it). */
  kMin: number;
  kMax: number;
  minShare: number;
  minStability: number;
  resamples: number;
  resampleFraction: number;
}

export interface KChoice {
  k: number;
  /** The k-means fit of the chosen k on the given rows (same restarts and seed as asked), for the caller to reuse. */
  fit: KmeansResult;
  curve: KCurvePoint[];
  summary: KChoiceSummary;
  silhouetteSampled: boolean;
  silhouetteSampleSize: number;
  /** Milliseconds spent on the stability subsamples (part of the choice's time). */
  stabilityMs: number;
}

export interface KChoiceOptions {
  kMin: number;
  kMax: number;
  restarts: number;
  seed: number;
  silhouetteSampleSize: number;
  silhouetteSeed: number;
  /** Default 0.05. */
  minShare?: number;
  /** Default 0.8. */
  minStability?: number;
  /** Use this k whatever the measures say; the curve still covers [kMin, kMax] and this k. */
  fixedK?: number | null;
  /** Seed of the stability subsamples and their fits. */
  stabilitySeed: number;
  stability?: Omit<StabilityOptions, "seed">;
  /** The same rows in the standardized space, where silhouettes are measured. Default `matrix`. */
  scoreIn?: DenseMatrix;
}

/** The smallest segment's share of the rows. */
export function findSmallestShare(labels: ArrayLike<number>, k: number): number {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  return Math.min(...sizes) / labels.length;
}

/** The largest k the rows support: silhouette needs k < rows, and every stability subsample more rows than k. */
export function findLargestK(rows: number, fraction: number = STABILITY_DEFAULTS.fraction): number {
  return Math.min(rows, subsampleRows(rows, fraction)) - 1;
}

export function chooseK(matrix: DenseMatrix, options: KChoiceOptions): KChoice {
  const { kMin, restarts, seed } = options;
  const fixedK = options.fixedK ?? null;
  const stability = { ...STABILITY_DEFAULTS, ...options.stability };
  const limit = findLargestK(matrix.rows, stability.fraction);
  const kMax = Math.min(options.kMax, limit);
  if (kMax < kMin) throw new Error(`chooseK: ${matrix.rows} rows are too few for k ≥ ${kMin} (at most k = ${limit})`);
  if (fixedK !== null && fixedK > limit) throw new Error(`chooseK: ${matrix.rows} rows are too few for the fixed k = ${fixedK} (at most k = ${limit})`);
  const scoreIn = options.scoreIn ?? matrix;
  if (scoreIn.rows !== matrix.rows) throw new Error(`chooseK: scoreIn has ${scoreIn.rows} rows, the matrix ${matrix.rows}`);

  const ks: number[] = [];
  for (let k = Math.min(kMin, fixedK ?? kMin); k <= Math.max(kMax, fixedK ?? kMax); k++) ks.push(k);
  const fits = ks.map((k) => ({ k, ...fitKmeansSync(matrix, { k, restarts, seed }) }));
  const scores = silhouettes(
    scoreIn,
    fits.map((fit) => fit.labels),
    { sampleSize: options.silhouetteSampleSize, seed: options.silhouetteSeed },
  );
  const stabilityStarted = performance.now();
  const stabilities = measureKStabilities(matrix, ks, { ...stability, seed: options.stabilitySeed });
  const stabilityMs = Math.round(performance.now() - stabilityStarted);
  const curve = fits.map((fit, i) => ({
    k: fit.k,
    inertia: fit.inertia,
    silhouette: scores[i].score,
    minShare: findSmallestShare(fit.labels, fit.k),
    stability: stabilities[i],
  }));
  const rule: KRule = {
    kMin,
    kMax,
    fixedK,
    resamples: stability.resamples,
    minShare: options.minShare ?? K_RULE_DEFAULTS.minShare,
    minStability: options.minStability ?? K_RULE_DEFAULTS.minStability,
  };
  const { k, reason } = pickK(curve, rule);
  return {
    k,
    fit: fits[ks.indexOf(k)],
    curve,
    summary: {
      reason,
      fixed: fixedK !== null,
      kMin,
      kMax,
      minShare: rule.minShare,
      minStability: rule.minStability,
      resamples: stability.resamples,
      resampleFraction: stability.fraction,
    },
    silhouetteSampled: scores[0].sampled,
    silhouetteSampleSize: scores[0].sampleSize,
    stabilityMs,
  };
}
