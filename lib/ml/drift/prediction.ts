/**
 * Prediction drift: the feature comparison applied to model outputs — a score distribution
 * (response probabilities, CLV) as a numeric feature, segment labels as a categorical one
 * whose shares are compared. A segment that did not exist in the reference run is reported
 * in newCategories.
 */
import { checkColumns } from "./columns";
import { compareFeature, resolveCompareOptions, type CompareOptions } from "./compare";
import { computeReferenceStats, type ReferenceOptions } from "./reference";
import type { CategoricalReference, DriftColumn, FeatureDrift, FeatureReference, NumericReference } from "./types";

export type SegmentLabels = ArrayLike<number> | readonly (string | null)[];

function scoreColumn(scores: ArrayLike<number>, name: string): DriftColumn {
  return { name, kind: "numeric", values: Float64Array.from(scores) };
}

/** Segment ids as category names; numeric labels become their decimal string ("0", "1", …). */
function segmentColumn(segments: SegmentLabels, name: string): DriftColumn {
  return { name, kind: "categorical", values: Array.from(segments as ArrayLike<number | string | null>, (label) => (label === null ? null : String(label))) };
}

function compareOne(reference: FeatureReference, column: DriftColumn, options: CompareOptions): FeatureDrift {
  const resolved = resolveCompareOptions(options);
  checkColumns([column], "prediction drift");
  return compareFeature(reference, column, resolved);
}

export function buildScoreReference(scores: ArrayLike<number>, options: ReferenceOptions = {}, name = "score"): NumericReference {
  return computeReferenceStats([scoreColumn(scores, name)], options).features[0] as NumericReference;
}

export function measureScoreDrift(reference: NumericReference, scores: ArrayLike<number>, options: CompareOptions = {}): FeatureDrift {
  return compareOne(reference, scoreColumn(scores, reference.name), options);
}

export function buildSegmentShareReference(segments: SegmentLabels, name = "segment"): CategoricalReference {
  return computeReferenceStats([segmentColumn(segments, name)]).features[0] as CategoricalReference;
}

export function measureSegmentShareDrift(reference: CategoricalReference, segments: SegmentLabels, options: CompareOptions = {}): FeatureDrift {
  return compareOne(reference, segmentColumn(segments, reference.name), options);
}
