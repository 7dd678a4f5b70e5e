/**
 * Scoring customers sent to the API with the active run's models. The models are loaded once
 * per run, networks included, and kept; which run is active is looked up at most once a
 * second, so a promotion reaches the API within a second without a query per request.
 */
import "server-only";
import type { CustomerRecord } from "@/lib/data/customer";
import { getActiveRunId } from "@/lib/db/activeRun";
import { listRunSegments } from "@/lib/db/segments";
import { createModelScorer, type ModelScorer } from "@/lib/ml/train/score";
import type { ClvSource, TrainedModels } from "@/lib/ml/train/types";
import { keptPerRun, keptRunsGeneration } from "./keptPerRun";
import { loadRunModels } from "./keptModels";

const ACTIVE_RUN_TTL_MS = 1000;

interface LoadedRun {
  runId: number;
  models: TrainedModels;
  scorer: ModelScorer;
  segmentOfLabel: Map<number, { id: number; name: string }>;
  /** Segment ids in the classifier's probability order (by label). */
  idsByLabel: number[];
}

let activeLookup: { at: number; generation: number; runId: number | null } | null = null;

async function activeRunId(): Promise<number | null> {
  const now = Date.now();
  const generation = keptRunsGeneration();
  if (!activeLookup || now - activeLookup.at > ACTIVE_RUN_TTL_MS || activeLookup.generation !== generation) {
    activeLookup = { at: now, generation, runId: await getActiveRunId() };
  }
  return activeLookup.runId;
}

const loadedRun = keptPerRun(async (runId): Promise<LoadedRun> => {
  const [models, segments] = await Promise.all([loadRunModels(runId), listRunSegments(runId)]);
  if (!models) throw new Error(`run ${runId} has no stored models`);
  const segmentOfLabel = new Map(segments.map((segment) => [segment.label, { id: segment.segmentKey, name: segment.name }]));
  const idsByLabel = [...segments].sort((a, b) => a.label - b.label).map((segment) => segment.segmentKey);
  return { runId, models, scorer: createModelScorer(models), segmentOfLabel, idsByLabel };
});

/** The active run's models, or null when no run is active. */
export async function loadActiveModels(): Promise<LoadedRun | null> {
  const runId = await activeRunId();
  return runId === null ? null : loadedRun(runId);
}

/** One customer's scores as the API returns them (lib/api/v1/schemas.ts documents this shape as ScoreResult). */
export interface CustomerScore {
  externalId: string;
  segment: { id: number; name: string; probabilities: Record<string, number> | null } | null;
  segmentNote: string | null;
  responseProbability: number | null;
  responseNote: string | null;
  clv: { value: number | null; low: number | null; high: number | null };
  clvSource: ClvSource | null;
  clvNote: string | null;
  pAlive: number | null;
  runId: number;
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/** A run segmented on order lines cannot place customers sent without any: the API says so rather than guess. */
const NO_ORDER_LINES = "the active run segments customers on their order lines, which the API does not carry";

export function scoreCustomers(run: LoadedRun, customers: CustomerRecord[]): CustomerScore[] {
  const scores = run.scorer.score({ customers, orders: [] });
  const k = run.idsByLabel.length;
  const bySegment = !run.models.orderFeatures;
  return customers.map((customer, i) => {
    const segment = run.segmentOfLabel.get(scores.segment[i])!;
    const probabilities = scores.segmentProbabilities
      ? Object.fromEntries(run.idsByLabel.map((id, label) => [String(id), scores.segmentProbabilities![i * k + label]]))
      : null;
    return {
      externalId: customer.externalId,
      segment: bySegment ? { id: segment.id, name: segment.name, probabilities } : null,
      segmentNote: bySegment ? null : NO_ORDER_LINES,
      responseProbability: finiteOrNull(scores.responseProbability[i]),
      responseNote: scores.responseNote[i],
      clv: { value: finiteOrNull(scores.clv[i]), low: finiteOrNull(scores.clvLow[i]), high: finiteOrNull(scores.clvHigh[i]) },
      clvSource: scores.clvSource[i],
      clvNote: scores.clvNote[i],
      pAlive: finiteOrNull(scores.pAlive[i]),
      runId: run.runId,
    };
  });
}
