/**
 * Choice of k by silhouette: k-means for every k in [kMin, kMax] on the given rows (a sample
 * of the data when it is large), each labelling scored by silhouette on one shared sample.
 * The highest silhouette wins, the smaller k on ties. The inertias make the elbow curve.
 */
import { fitKmeansSync } from "./kmeans";
import type { DenseMatrix } from "./matrix";
import { silhouettes } from "./silhouette";

export interface KCurvePoint {
  k: number;
  inertia: number;
  silhouette: number;
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
}

export function chooseK(matrix: DenseMatrix, options: KChoiceOptions): KChoice {
  const { kMin, restarts, seed } = options;
  // Silhouette needs at most rows − 1 clusters.
  const kMax = Math.min(options.kMax, matrix.rows - 1);
  if (kMax < kMin) throw new Error(`chooseK: ${matrix.rows} rows are too few for k ≥ ${kMin}`);
  const fits = [];
  for (let k = kMin; k <= kMax; k++) fits.push({ k, ...fitKmeansSync(matrix, { k, restarts, seed }) });
  const scores = silhouettes(matrix, fits.map((fit) => fit.labels), { sampleSize: options.silhouetteSampleSize, seed: options.silhouetteSeed });
  const curve = fits.map((fit, i) => ({ k: fit.k, inertia: fit.inertia, silhouette: scores[i].score }));
  const best = curve.reduce((winner, point) => (point.silhouette > winner.silhouette ? point : winner));
  return { k: best.k, curve, silhouetteSampled: scores[0].sampled, silhouetteSampleSize: scores[0].sampleSize };
}
