/**
 * Customer features for every model: cleaning, derived features, RFM scores and scaling
 * (lib/ml/features/*), fitted on training data and stored as plain data.
 */
export { ALL_FEATURES, SEGMENTATION_FEATURES, RESPONSE_FEATURES, RFM_FEATURES, type FeatureName } from "./features/definitions";
export { FEATURE_LABELS, labelFeature, type FeatureLabel } from "./features/labels";
export { type CustomerSummary, type SummaryLookup, MIN_BIRTH_YEAR, MAX_AGE } from "./features/cleaning";
export { fitFeaturePipeline, transformFeatures, type FeaturePipeline, type FeaturePipelineOptions, type FeatureMatrix } from "./features/pipeline";
export { buildFeatureTable, computeSegmentMeans, type FeatureTable, type SegmentProfile } from "./features/table";
export { listAvailableModels, findResponseDataProblem, MIN_CUSTOMERS, MIN_RESPONDERS, type ModelAvailability, type ModelKind } from "./features/availability";
