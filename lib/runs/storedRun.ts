/**
 * The JSON a run stores (lib/services/retrain/runRetrain.ts writes it through toJson), parsed with zod for reading back.
 * toJson wrote NaN as null, so every number read back may be null; a part that does not parse reads as null.
 */
import { z } from "zod";
import { parseStored, runTimings } from "@/lib/db/runJson";
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

const figure = z.number().nullable();
const gateRule = z.object({
  rule: z.string(),
  description: z.string(),
  threshold: z.string(),
  candidate: z.string().nullable(),
  active: z.string().nullable(),
  outcome: z.enum(["passed", "failed", "held for review", "not applicable"]),
  detail: z.string(),
});
export const storedDecision: z.ZodType<StoredDecision> = z.object({
  promote: z.boolean(),
  reasons: z.array(z.string()),
  review: z.boolean().optional(),
  rules: z.array(gateRule).optional(),
});

const featureDrift = z.object({
  name: z.string(),
  kind: z.enum(["numeric", "categorical"]),
  psi: figure,
  wasserstein: figure.optional(),
  ksStatistic: figure.optional(),
  ksPValue: figure.optional(),
  jsDistance: figure.optional(),
  newCategories: z.array(z.string()).optional(),
  severity: z.enum(["none", "moderate", "significant"]),
  drifted: z.boolean(),
});
export const storedDrift: z.ZodType<StoredDrift> = z.object({
  features: z.object({ features: z.array(featureDrift), driftedShare: figure, datasetDrift: z.boolean(), threshold: figure }),
  predictions: z.object({ response: featureDrift.nullable(), segments: featureDrift }),
  datasetDrift: z.boolean(),
  driftedFeatures: figure,
});

export const storedStability: z.ZodType<StoredStability> = z.object({
  adjustedRandIndex: figure,
  commonCustomers: figure,
  matchedSegments: figure,
  newSegments: figure,
  disappearedSegments: figure,
});

// TrainMetrics is large: the fields the pages index into are checked, the rest passes through as stored.
const metricsShape = z.looseObject({
  segmentation: z.looseObject({
    k: figure,
    silhouette: figure,
    space: z.string(),
    curve: z.array(z.looseObject({ k: figure })),
    spaces: z.array(z.looseObject({})),
    selection: z.looseObject({}),
    warnings: z.array(z.string()).optional(),
  }),
  response: z
    .looseObject({
      champion: z.string(),
      cvAuc: z.record(z.string(), figure),
      metrics: z.looseObject({ gains: z.array(z.looseObject({ lift: figure })) }),
      notes: z.array(z.string()),
    })
    .nullable()
    .catch(null),
  clv: z
    .looseObject({ notes: z.array(z.string()) })
    .nullable()
    .catch(null),
  skipped: z.array(z.object({ model: z.string(), reason: z.string() })).catch([]),
  gate: z.looseObject({ responseAuc: figure }).optional().catch(undefined),
});
/** The passthrough fields are taken as the stored TrainMetrics they were written as. */
export const storedMetrics = metricsShape.transform((metrics) => metrics as unknown as StoredMetrics);

export function readRunJson(run: { metrics?: unknown; drift?: unknown; stability?: unknown; decision?: unknown; timings?: unknown }): StoredRunJson {
  return {
    metrics: parseStored(storedMetrics, run.metrics),
    drift: parseStored(storedDrift, run.drift),
    stability: parseStored(storedStability, run.stability),
    decision: parseStored(storedDecision, run.decision),
    timings: parseStored(runTimings, run.timings),
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

const attributeConfig = z.looseObject({ attributeFeatures: z.array(z.unknown()).optional().catch(undefined) });

/** The custom attributes a run's stored config asked it to segment on; none in runs from before the choice existed. */
export function readAttributeFeatures(config: unknown): string[] {
  const names = parseStored(attributeConfig, config)?.attributeFeatures ?? [];
  return names.filter((name): name is string => typeof name === "string");
}
