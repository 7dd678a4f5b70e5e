/**
 * The spaces segments can be found in, all derived from the standardized features: the
 * features themselves, their principal components up to a share of the variance, and an
 * autoencoder's bottleneck. A fitted transform is plain data that maps new standardized rows.
 */
import { encode, fitAutoencoder, type AutoencoderModel, type AutoencoderOptions } from "./autoencoder";
import type { DenseMatrix } from "./matrix";
import { componentsForVariance, transformPca, truncatePca, type PcaModel } from "./pca";

export const SPACE_NAMES = ["standardized", "pca", "autoencoder"] as const;
export type SpaceName = (typeof SPACE_NAMES)[number];

export type SpaceTransform = { space: "standardized" } | { space: "pca"; pca: PcaModel } | { space: "autoencoder"; autoencoder: AutoencoderModel };

export interface SpaceSettings {
  /** A PCA of the standardized data with every component (shared with the plot coordinates). */
  fullPca: PcaModel;
  pcaVarianceToKeep: number;
  autoencoder: AutoencoderOptions;
  /** The autoencoder already being fitted on these rows with these options, e.g. in a worker thread (segmentationRun.ts). */
  autoencoderModel?: Promise<AutoencoderModel>;
}

/** Fits the space's transform on the standardized rows and returns it with the rows mapped into the space. */
export async function embed(space: SpaceName, standardized: DenseMatrix, settings: SpaceSettings): Promise<{ transform: SpaceTransform; matrix: DenseMatrix }> {
  if (space === "standardized") return { transform: { space }, matrix: standardized };
  if (space === "pca") {
    const kept = componentsForVariance(settings.fullPca.explainedVarianceRatio, settings.pcaVarianceToKeep);
    const transform: SpaceTransform = { space, pca: truncatePca(settings.fullPca, kept) };
    return { transform, matrix: applyTransform(transform, standardized) };
  }
  const transform: SpaceTransform = { space, autoencoder: await (settings.autoencoderModel ?? fitAutoencoder(standardized, settings.autoencoder)) };
  return { transform, matrix: applyTransform(transform, standardized) };
}

/** Maps standardized rows into the transform's space. */
export function applyTransform(transform: SpaceTransform, standardized: DenseMatrix): DenseMatrix {
  switch (transform.space) {
    case "standardized":
      return standardized;
    case "pca":
      return transformPca(transform.pca, standardized);
    case "autoencoder":
      return encode(transform.autoencoder, standardized);
  }
}
