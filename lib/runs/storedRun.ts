/**
 * The JSON a run stores (lib/services/retrain/runRetrain.ts writes it through toJson), typed for reading back.
 * toJson wrote NaN as null, so every number read back may be null.
 */
import type { GateDecision, GateMetrics } from "@/lib/ml/promotion";
import type { TrainMetrics, TrainResult } from "@/lib/ml/train/types";
import type { RunDrift, RunStability } from "./driftAndStability";

export type Stored<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? Stored<U>[]
    : T extends object
      ? { [K in keyof T]: Stored<T[K]> }
      : T;

export type StoredMetrics = Stored<TrainMetrics & { gate: GateMetrics; skipped: TrainResult["skipped"] }>;
export type StoredDrift = Stored<RunDrift>;
export type StoredFeatureDrift = StoredDrift["features"]["features"][number];
export type StoredStability = Stored<RunStability>;
/** Runs decided before the gate listed its rules stored only whether to promote and why. */
export type StoredDecision = Pick<GateDecision, "promote" | "reasons"> & Partial<Pick<GateDecision, "review" | "rules">>;

export interface StoredRunJson {
  metrics: StoredMetrics | null;
  drift: StoredDrift | null;
  stability: StoredStability | null;
  decision: StoredDecision | null;
  /** Milliseconds per stage, in the order the stages ran. */
  timings: Record<string, number> | null;
}

export function readRunJson(run: { metrics?: unknown; drift?: unknown; stability?: unknown; decision?: unknown; timings?: unknown }): StoredRunJson {
  return {
    metrics: (run.metrics ?? null) as StoredMetrics | null,
    drift: (run.drift ?? null) as StoredDrift | null,
    stability: (run.stability ?? null) as StoredStability | null,
    decision: (run.decision ?? null) as StoredDecision | null,
    timings: (run.timings ?? null) as Record<string, number> | null,
  };
}

/** The few numbers the run history shows. */
export interface KeyMetrics {
  k: number | null;
  silhouette: number | null;
  /** The response champion's mean CV ROC AUC. */
  responseAuc: number | null;
  /** null when nothing was compared (no earlier active run). */
  drift: { datasetDrift: boolean; driftedFeatures: number } | null;
  promote: boolean | null;
  /** Not promoted because the gate held it for review. */
  review: boolean;
}

/** The response champion's mean CV ROC AUC, as the promotion gate saw it when it recorded one. */
export function readResponseAuc(metrics: StoredMetrics | null): number | null {
  const response = metrics?.response;
  return metrics?.gate?.responseAuc ?? (response ? (response.cvAuc[response.champion] ?? null) : null);
}

export function readKeyMetrics(json: Pick<StoredRunJson, "metrics" | "drift" | "decision">): KeyMetrics {
  const { metrics, drift, decision } = json;
  return {
    k: metrics?.segmentation?.k ?? null,
    silhouette: metrics?.segmentation?.silhouette ?? null,
    responseAuc: readResponseAuc(metrics),
    drift: drift ? { datasetDrift: drift.datasetDrift, driftedFeatures: drift.driftedFeatures ?? 0 } : null,
    promote: decision ? decision.promote : null,
    review: decision?.review === true,
  };
}

/** The custom attributes a run's stored config asked it to segment on; none in runs from before the choice existed. */
export function readAttributeFeatures(config: unknown): string[] {
  const names = (config as { attributeFeatures?: unknown } | null)?.attributeFeatures;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
}
