/**
 * Choice of k by silhouette: k-means for every k in [kMin, kMax] on the given rows (a sample
 * of the data when it is large), each labelling scored by silhouette on one shared sample.
 * The highest silhouette wins, the smaller k on ties, among the k whose smallest segment holds
 * at least `minShare` of the rows (a segment of two customers is no segment a marketer can act
 * on); when no k qualifies, among all. The inertias make the elbow curve.
 */
import { fitKmeansSync } from "./kmeans";
import type { DenseMatrix } from "./matrix";
import { silhouettes } from "./silhouette";

export interface KCurvePoint {
  k: number;
  inertia: number;
  silhouette: number;
  /** The smallest segment's share of the rows; absent in runs trained before it was recorded. */
  minShare?: number;
}

export interface KChoice {
  k: number;
  curve: KCurvePoint[];
  silhouetteSampled: boolean;
  silhouetteSampleSize: number;
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
}

function smallestShare(labels: ArrayLike<number>, k: number): number {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  return Math.min(...sizes) / labels.length;
}

export function chooseK(matrix: DenseMatrix, options: KChoiceOptions): KChoice {
  const { kMin, restarts, seed } = options;
  // Silhouette needs at most rows − 1 clusters.
  const kMax = Math.min(options.kMax, matrix.rows - 1);
  if (kMax < kMin) throw new Error(`chooseK: ${matrix.rows} rows are too few for k ≥ ${kMin}`);
  const fits = [];
  for (let k = kMin; k <= kMax; k++) fits.push({ k, ...fitKmeansSync(matrix, { k, restarts, seed }) });
  const scores = silhouettes(matrix, fits.map((fit) => fit.labels), { sampleSize: options.silhouetteSampleSize, seed: options.silhouetteSeed });
  const curve = fits.map((fit, i) => ({ k: fit.k, inertia: fit.inertia, silhouette: scores[i].score, minShare: smallestShare(fit.labels, fit.k) }));
  const admissible = curve.filter((point) => point.minShare >= (options.minShare ?? 0.05));
  const best = (admissible.length > 0 ? admissible : curve).reduce((winner, point) => (point.silhouette > winner.silhouette ? point : winner));
  return { k: best.k, curve, silhouetteSampled: scores[0].sampled, silhouetteSampleSize: scores[0].sampleSize };
}
