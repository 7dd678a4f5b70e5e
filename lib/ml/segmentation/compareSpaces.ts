/**
 * Picking the space. Silhouettes measured in different spaces are not comparable (distances
 * in an 8-D code and in 24 standardized features have different scales and meanings), so
 * each space's final labels are scored in the common standardized space, and the space is
 * chosen there by this rule:
 *
 *   rank the spaces on each of silhouette (higher better), Davies–Bouldin (lower better)
 *   and Calinski–Harabasz (higher better), 1 = best, equal values sharing a rank; the lowest
 *   sum of the three ranks wins; ties go to the higher silhouette, then the earlier space in
 *   ["standardized", "pca", "autoencoder"] (the simpler transform).
 */
import { calinskiHarabasz, daviesBouldin } from "./metrics";
import type { DenseMatrix } from "./matrix";
import { silhouette, type SilhouetteResult } from "./silhouette";
import { SPACE_NAMES, type SpaceName } from "./spaces";

export const SPACE_RULE =
  "Lowest sum of ranks on silhouette (higher better), Davies–Bouldin (lower better) and Calinski–Harabasz (higher better), " +
  "all measured on each space's labels in the standardized space; ties: higher silhouette, then standardized < pca < autoencoder.";

export interface StandardizedScores {
  silhouette: number;
  daviesBouldin: number;
  calinskiHarabasz: number;
}

export interface SilhouetteSampling {
  sampleSize: number;
  seed: number;
}

/**
 * The comparison scores of one labelling, in the standardized space. `known`: its silhouette on
 * these rows with this sampling when already measured (the k curve's, when k was chosen on every row).
 */
export function scoreInStandardized(
  standardized: DenseMatrix,
  labels: Int32Array,
  sampling: SilhouetteSampling,
  known?: SilhouetteResult,
): StandardizedScores & { sampled: boolean; sampleSize: number } {
  const { score, sampled, sampleSize } = known ?? silhouette(standardized, labels, sampling);
  return {
    silhouette: score,
    daviesBouldin: daviesBouldin(standardized, labels),
    calinskiHarabasz: calinskiHarabasz(standardized, labels),
    sampled,
    sampleSize,
  };
}

/** Rank sums per space and the winner, by SPACE_RULE. */
export function pickSpace(candidates: readonly { space: SpaceName; scores: StandardizedScores }[]): { space: SpaceName; rankSums: number[] } {
  const rankOf = (values: number[], higherIsBetter: boolean) =>
    values.map((value) => 1 + values.filter((other) => (higherIsBetter ? other > value : other < value)).length);
  const silhouettes = rankOf(
    candidates.map((c) => c.scores.silhouette),
    true,
  );
  const daviesBouldins = rankOf(
    candidates.map((c) => c.scores.daviesBouldin),
    false,
  );
  const calinskis = rankOf(
    candidates.map((c) => c.scores.calinskiHarabasz),
    true,
  );
  const rankSums = candidates.map((_, i) => silhouettes[i] + daviesBouldins[i] + calinskis[i]);
  const order = candidates
    .map((c, i) => ({ ...c, sum: rankSums[i] }))
    .sort((a, b) => a.sum - b.sum || b.scores.silhouette - a.scores.silhouette || SPACE_NAMES.indexOf(a.space) - SPACE_NAMES.indexOf(b.space));
  return { space: order[0].space, rankSums };
}
