/** Turning a training result into the rows a run stores: segment profiles, per-customer scores, artifacts. */
import { formatFingerprint } from "@/lib/data/inputFingerprint";
import type { Persona } from "@/lib/ml/personas";
import type { CustomerScores, TrainResult } from "@/lib/ml/train";
import type { StoredJson } from "@/lib/db/json";
import type { RunOutcome, ScoreRow, ScoreRows } from "@/lib/db/runs";
import type { KeyedSegment } from "@/lib/runs/segmentKeys";

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** JSON for the database: typed arrays become plain arrays, NaN becomes null. */
export function toJson(value: unknown): StoredJson {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === "number" && !Number.isFinite(v) ? null : v)),
  );
}

export function toSegmentRows(personas: Persona[], keyed: KeyedSegment[], centroids: number[][]): RunOutcome["segments"] {
  return keyed.map((segment) => {
    const persona = personas[segment.label];
    return {
      segmentKey: segment.segmentKey,
      label: segment.label,
      name: segment.name,
      description: persona.description,
      color: segment.color,
      size: persona.size,
      share: persona.share,
      isNew: segment.isNew,
      profile: toJson({
        generatedName: persona.name,
        features: persona.features,
        topTraits: persona.topTraits,
        actions: persona.actions,
        matchDistance: segment.distance,
        returnedFrom: segment.returnedFrom,
      }),
      centroid: toJson(centroids[segment.label]),
    };
  });
}

/**
 * The run's score rows, made when sliced, a chunk at a time: the scores themselves are already
 * columns. `inputHashes`: the snapshot's per-customer fingerprints, stored so the next run's gate
 * can tell who did not change.
 */
export function toScoreRows(scores: CustomerScores, customerIds: number[], keyed: KeyedSegment[], inputHashes: Float64Array): ScoreRows {
  const keyOf = new Map(keyed.map((segment) => [segment.label, segment.segmentKey]));
  const byKey = [...keyed].sort((a, b) => a.segmentKey - b.segmentKey).map((segment) => segment.label);
  const k = keyed.length;
  const row = (i: number): ScoreRow => ({
    customerId: customerIds[i],
    segmentKey: keyOf.get(scores.segment[i])!,
    segmentProbabilities: scores.segmentProbabilities
      ? JSON.stringify(byKey.map((label) => Math.round(scores.segmentProbabilities![i * k + label] * 1e4) / 1e4))
      : null,
    responseProbability: finiteOrNull(scores.responseProbability[i]),
    clv: finiteOrNull(scores.clv[i]),
    clvLow: finiteOrNull(scores.clvLow[i]),
    clvHigh: finiteOrNull(scores.clvHigh[i]),
    pAlive: finiteOrNull(scores.pAlive[i]),
    expectedPurchases: finiteOrNull(scores.expectedPurchases[i]),
    historicalClv: finiteOrNull(scores.historicalClv[i]),
    responseNote: scores.responseNote[i],
    clvSource: scores.clvSource[i],
    clvNote: scores.clvNote[i],
    inputHash: formatFingerprint(inputHashes[i]),
    pcaX: scores.pca[i * 3],
    pcaY: scores.pca[i * 3 + 1],
    pcaZ: scores.pca[i * 3 + 2],
  });
  return {
    length: customerIds.length,
    slice: (start, end) => Array.from({ length: Math.max(0, Math.min(end, customerIds.length) - start) }, (_, j) => row(start + j)),
  };
}

export function toArtifacts(result: TrainResult): Record<string, StoredJson> {
  const { models } = result;
  return { models: toJson(models) };
}
