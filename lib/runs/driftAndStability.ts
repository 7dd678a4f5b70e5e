/**
 * How a new run compares with the active one: drift of the snapshot against the active
 * run's reference statistics (features, response scores, segment shares), and stability of
 * the segments (Adjusted Rand Index on the customers both runs scored).
 */
import {
  compareToReference,
  measureScoreDrift,
  buildScoreReference,
  measureSegmentShareDrift,
  buildSegmentShareReference,
  type CategoricalReference,
  type DriftReference,
  type DriftReport,
  type FeatureDrift,
  type NumericReference,
} from "@/lib/ml/drift";
import { adjustedRandIndex } from "@/lib/ml/stability";
import type { TrainResult } from "@/lib/ml/train";

/** What a run stores so the next run's drift needs no pass over old data. */
export interface RunReference {
  features: DriftReference;
  response: NumericReference | null;
  segments: CategoricalReference;
}

export interface RunDrift {
  features: DriftReport;
  predictions: { response: FeatureDrift | null; segments: FeatureDrift };
  /** Share of features drifted reached the threshold. */
  datasetDrift: boolean;
  driftedFeatures: number;
}

export interface RunStability {
  adjustedRandIndex: number;
  commonCustomers: number;
  matchedSegments: number;
  newSegments: number;
  disappearedSegments: number;
}

export function buildRunReference(result: TrainResult, segmentKeys: number[]): RunReference {
  const finite = result.scores.responseProbability.filter(Number.isFinite);
  return {
    features: result.reference,
    response: finite.length ? buildScoreReference(finite, {}, "responseProbability") : null,
    segments: buildSegmentShareReference(segmentKeys.map(String), "segment"),
  };
}

/** The current columns are those trainAll measured its own reference on. */
export function measureDrift(previous: RunReference, result: TrainResult, segmentKeys: number[], threshold = 0.5): RunDrift {
  const columns = result.driftColumns;
  // Features come and go with the data (a new top category, order lines instead of profiles): only those in both runs compare.
  const present = new Set(columns.map((column) => column.name));
  const shared = previous.features.features.filter((feature) => present.has(feature.name));
  const features =
    shared.length > 0
      ? compareToReference({ ...previous.features, features: shared }, columns, { driftShareThreshold: threshold })
      : { features: [], driftedShare: 0, datasetDrift: false, threshold };
  const finite = result.scores.responseProbability.filter(Number.isFinite);
  return {
    features,
    predictions: {
      response: previous.response && finite.length ? measureScoreDrift(previous.response, finite) : null,
      segments: measureSegmentShareDrift(previous.segments, segmentKeys.map(String)),
    },
    datasetDrift: features.datasetDrift,
    driftedFeatures: features.features.filter((feature) => feature.drifted).length,
  };
}

export function measureStability(
  previousKeys: Map<number, number>,
  customerIds: number[],
  newKeys: number[],
  counts: { matched: number; created: number; disappeared: number },
): RunStability {
  const before: number[] = [];
  const after: number[] = [];
  customerIds.forEach((customerId, i) => {
    const key = previousKeys.get(customerId);
    if (key === undefined) return;
    before.push(key);
    after.push(newKeys[i]);
  });
  return {
    adjustedRandIndex: before.length ? adjustedRandIndex(before, after) : Number.NaN,
    commonCustomers: before.length,
    matchedSegments: counts.matched,
    newSegments: counts.created,
    disappearedSegments: counts.disappeared,
  };
}
