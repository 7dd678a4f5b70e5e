/** Data and prediction drift of a new training snapshot against the reference of the active run. */
export { computeReferenceStats, REFERENCE_DEFAULTS, type ReferenceOptions } from "./reference";
export { compareToReference, COMPARE_DEFAULTS, type CompareOptions } from "./compare";
export { measureScoreDrift, buildScoreReference, measureSegmentShareDrift, buildSegmentShareReference, type SegmentLabels } from "./prediction";
export { jensenShannonDistance, populationStabilityIndex } from "./divergence";
export { kolmogorovSurvival, ksPValue } from "./kolmogorov";
export { sampleDistance, type SampleDistance } from "./sample";
export type {
  CategoricalColumn,
  CategoricalReference,
  DriftColumn,
  DriftReference,
  DriftReport,
  FeatureDrift,
  FeatureReference,
  NumericColumn,
  NumericReference,
  Severity,
} from "./types";
