/** Segmentation engine: k-means, quality metrics, PCA, autoencoder, and the segmentation run over spaces. */
export { assignSegments, predictKmeans } from "./assign";
export { fitKmeans, fitKmeansSync, type KmeansOptions, type KmeansResult } from "./kmeans";
export type { KmeansAlgorithm } from "./kmeansRestart";
export { calinskiHarabasz, daviesBouldin, inertia, silhouette, silhouettes, type SilhouetteOptions, type SilhouetteResult } from "./metrics";
export { componentsForVariance, fitPca, transformPca, truncatePca, type PcaModel, type PcaOptions } from "./pca";
export { autoBatchSize, encode, fitAutoencoder, reconstructionError } from "./autoencoder";
export type { AutoencoderModel, AutoencoderOptions, AutoencoderTraining } from "./autoencoder";
export type { Activation, DenseLayer } from "@/lib/ml/denseNet";
export { fitSegmentation, type SegmentationModel, type SegmentationOptions, type SpaceReport } from "./segmentationRun";
export type { KCurvePoint } from "./chooseK";
export { SPACE_RULE, type StandardizedScores } from "./compareSpaces";
export { applyTransform, SPACE_NAMES, type SpaceName, type SpaceTransform } from "./spaces";
export type { PlotCoordinates } from "./plot";
export { toDense, type DenseMatrix, type FeatureMatrixLike, type MatrixInput } from "./matrix";
