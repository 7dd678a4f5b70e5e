/**
 * One retrain, the handler behind cron, the admin page and the CLI: snapshot → trainAll →
 * validation → drift → stability → promotion decision → scores written with the switch of the
 * active run (lib/db/runs.ts: writeRunOutcome). At most one runs at a time (lib/db/lease.ts); a failure is
 * recorded on the run and changes nothing users see.
 */
import "server-only";
import os from "node:os";
import { DEFAULT_ECONOMICS, type Economics } from "@/lib/campaign/economics";
import { buildTargeting } from "@/lib/campaign/targeting";
import { getActiveRunBaseline } from "@/lib/db/activeRun";
import { acquireRetrainLease } from "@/lib/db/lease";
import {
  createRun,
  deleteQueuedRun,
  markRunFailed,
  markRunRunning,
  recordRunTimings,
  takeQueuedRun,
  updateRunProgress,
  writeRunOutcome,
  type RunOutcome,
  type RunTrigger,
} from "@/lib/db/runs";
import { removeExpiredScores } from "@/lib/db/scoreRetention";
import { getRunClvInputs, getRunSegmentKeys } from "@/lib/db/scores/runInputs";
import { getAttributeFeatures } from "@/lib/db/settings";
import { loadSnapshot } from "@/lib/db/customers/snapshot";
import { measureClvChangesOfUnchanged } from "@/lib/ml/clvShift";
import { decidePromotion, type GateBacktest, type GateDecision, type GateMetrics, type GateTolerances } from "@/lib/ml/promotion";
import { trainAll, type TrainConfig, type TrainResult } from "@/lib/ml/train";
import { listSegmentationColumns } from "@/lib/ml/train/featureSource";
import { measureDrift, measureStability, buildRunReference, type RunReference } from "@/lib/runs/driftAndStability";
import { assignSegmentKeys } from "@/lib/runs/segmentKeys";
import { summariseRun } from "@/lib/runs/summary";
import { loadRunModels } from "../keptModels";
import { toArtifacts, toScoreRows, toSegmentRows, toJson } from "./outcome";
import { loadSegmentHistory } from "./segmentHistory";
import { withSegmentSettings } from "./segmentSettings";
import { DEFAULT_SEED } from "./defaultSeed";

export interface RetrainConfig extends Omit<TrainConfig, "seed" | "onProgress"> {
  tolerances?: Partial<GateTolerances>;
  /** Share of drifted features that counts as dataset drift. Default 0.5. */
  driftShareThreshold?: number;
}

export interface RetrainRequest {
  trigger: RunTrigger;
  requestedById: string | null;
  seed?: number;
  config?: RetrainConfig;
  /** A run the web queued for the worker process and the worker claimed (lib/db/runs.ts claimQueuedRun). */
  queuedRunId?: number;
}

/** What a caller may follow: the run id once the lease is held, then the stages as they go. */
export interface RetrainHooks {
  onStarted?(runId: number): void;
  onProgress?(stage: string, progress: number): void;
}

export interface RetrainOutcome {
  runId: number;
  status: "SUCCEEDED" | "REJECTED" | "FAILED";
  /** Rejected only because the gate held it for review (see GateDecision.review). */
  review?: boolean;
  reasons: string[];
}

/** Throws RetrainBusyError, before anything is written, when another run holds the lease. */
export async function runRetrain(request: RetrainRequest, hooks: RetrainHooks = {}): Promise<RetrainOutcome> {
  const seed = request.seed ?? DEFAULT_SEED;
  const config = await withSegmentSettings(await withAttributeFeatures(request.config ?? {}));
  const runId = await openRun(request, seed, config);
  let lease;
  try {
    lease = await acquireRetrainLease(runId, `${os.hostname()}:${process.pid}`);
  } catch (error) {
    // A queued request was promised to its requester (202 { runId }): it fails with the reason rather than vanish.
    if (request.queuedRunId === undefined) await deleteQueuedRun(runId);
    else await markRunFailed(runId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  hooks.onStarted?.(runId);
  const timings: Record<string, number> = {};
  try {
    return await train(runId, seed, config, request.requestedById, timings, hooks.onProgress);
  } catch (error) {
    // The stack goes to the run's log (the launcher keeps the job's output); the message to the run.
    console.error(`run ${runId} failed: ${error instanceof Error ? error.stack : String(error)}`);
    const message = error instanceof Error ? error.message : String(error);
    await markRunFailed(runId, message, toJson(timings));
    return { runId, status: "FAILED", reasons: [message] };
  } finally {
    await lease.release();
  }
}

/** The run this retrain writes to: the one the web queued for the worker, or a new one. */
async function openRun(request: RetrainRequest, seed: number, config: RetrainConfig): Promise<number> {
  if (request.queuedRunId === undefined) {
    return (await createRun({ trigger: request.trigger, requestedById: request.requestedById, seed, config: toJson(config) })).id;
  }
  await takeQueuedRun(request.queuedRunId, { seed, config: toJson(config) });
  return request.queuedRunId;
}

async function train(
  runId: number,
  seed: number,
  config: RetrainConfig,
  userId: string | null,
  timings: Record<string, number>,
  onProgress?: RetrainHooks["onProgress"],
): Promise<RetrainOutcome> {
  let at = performance.now();
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - at);
    at = performance.now();
  };
  const progress = throttledProgress(runId, onProgress);
  // Made in a function of its own, so that the snapshot and the training's working data are out of
  // reach once it returns: at a million customers they are gigabytes the collector can free
  // before the score rows are made (measured in docs/scaling.md).
  const { outcome, decision } = await trainAndDecide(runId, seed, config, userId, { lap, progress, timings });
  const { scoresMs } = await writeRunOutcome(runId, outcome, (share) => progress("write", 0.9 + share * 0.09));
  lap("write");
  timings["write.scores"] = scoresMs;
  await removeExpiredScoresAfter(runId);
  lap("retention");
  await recordRunTimings(runId, toJson(timings));
  return { runId, status: decision.promote ? "SUCCEEDED" : "REJECTED", review: decision.review, reasons: decision.reasons };
}

/** The run is written by now: should retention fail, the run stands and the next one's retention removes what this one left. */
async function removeExpiredScoresAfter(runId: number): Promise<void> {
  try {
    const removed = await removeExpiredScores();
    if (removed.length) console.log(`run ${runId}: removed the per-customer scores of runs ${removed.join(", ")} (score retention)`);
  } catch (error) {
    console.error(`run ${runId}: score retention failed, to be retried after the next run:`, error);
  }
}

interface Stages {
  lap(name: string): void;
  progress(stage: string, progress: number): void;
  timings: Record<string, number>;
}

/** Snapshot → training → evaluation against the active run → the run's outcome, ready to write. */
async function trainAndDecide(
  runId: number,
  seed: number,
  config: RetrainConfig,
  userId: string | null,
  { lap, progress, timings }: Stages,
): Promise<{ outcome: RunOutcome; decision: GateDecision }> {
  const snapshot = await loadSnapshot();
  await markRunRunning(runId, { count: snapshot.customers.length, hash: snapshot.hash });
  lap("snapshot");

  const { tolerances, driftShareThreshold, ...trainConfig } = config;
  const result = await trainAll(
    { customers: snapshot.customers, orders: snapshot.orders },
    { ...trainConfig, seed, onProgress: (stage, share) => progress(stage, 0.05 + share * 0.8) },
  );
  Object.assign(timings, prefixed("train.", result.timings));
  lap("train");

  progress("evaluate", 0.86);
  const active = await getActiveRunBaseline();
  const activeModels = active ? await loadRunModels(active.id) : null;
  const history = await loadSegmentHistory(active?.id ?? null, listSegmentationColumns(result.models), activeModels);
  const keyed = assignSegmentKeys(result.personas, result.models.segmentation.standardizedCentroids, history);
  const keyOf = new Map(keyed.map((segment) => [segment.label, segment.segmentKey]));
  const segmentKeys = Array.from(result.scores.segment, (label) => keyOf.get(label)!);
  const previousReference = (active?.reference ?? null) as RunReference | null;
  const drift = previousReference ? measureDrift(previousReference, result, segmentKeys, driftShareThreshold) : null;
  const matched = keyed.filter((segment) => !segment.isNew && segment.returnedFrom === null).length;
  const stability = active
    ? measureStability(await getRunSegmentKeys(active.id), snapshot.customerIds, segmentKeys, {
        matched,
        created: keyed.length - matched,
        disappeared: history.active.length - matched,
      })
    : null;
  const gate = collectGateMetrics(result);
  const clvChanges = active
    ? measureClvChangesOfUnchanged(await getRunClvInputs(active.id), {
        customerIds: snapshot.customerIds,
        clv: result.scores.clv,
        inputHash: snapshot.inputHashes,
      })
    : null;
  const decision = decidePromotion(gate, active?.gate ?? null, tolerances, clvChanges);
  lap("evaluate");

  progress("write", 0.9);
  const summary = summariseRun(snapshot.customers, result.scores, keyed, {
    snapshotDate: result.models.snapshotDate,
    seed,
    economics: readEconomics(trainConfig),
    orders: snapshot.orders,
    clvSource: result.models.clv?.source ?? null,
  });
  // The recommended campaign's threshold is a bin edge, so the planner's histogram finds exactly it.
  const threshold = summary.campaign?.recommended.threshold ?? null;
  const cuts = threshold === null ? [] : [threshold];
  const outcome: RunOutcome = {
    status: decision.promote ? "SUCCEEDED" : "REJECTED",
    metrics: toJson({ ...result.metrics, gate, skipped: result.skipped }),
    drift: drift && toJson(drift),
    stability: stability && toJson(stability),
    decision: toJson(decision),
    reference: toJson(buildRunReference(result, segmentKeys)),
    summary: toJson({ ...summary, targeting: buildTargeting(segmentKeys, result.scores.responseProbability, { cuts }) }),
    timings: toJson(timings),
    artifacts: toArtifacts(result),
    segments: toSegmentRows(result.personas, keyed, result.models.segmentation.standardizedCentroids),
    scores: toScoreRows(result.scores, snapshot.customerIds, keyed, snapshot.inputHashes),
    activate: decision.promote ? { reason: "promoted" } : null,
    audit: {
      userId,
      action: decision.promote ? "run.promoted" : decision.review ? "run.held" : "run.rejected",
      target: `run:${runId}`,
      details: { reasons: decision.reasons },
    },
  };
  lap("summary");
  return { outcome, decision };
}

/**
 * The analyst's choice of custom attributes (Admin page) unless the request names its own, so
 * the schedule, "Retrain now" and the CLI train alike; written into the run's stored config.
 */
async function withAttributeFeatures(config: RetrainConfig): Promise<RetrainConfig> {
  if (config.attributeFeatures !== undefined) return config;
  const { names } = await getAttributeFeatures();
  return { ...config, attributeFeatures: names };
}

/** The cost and revenue the response model's threshold used, so the summary's campaign agrees with it. */
function readEconomics(config: Pick<TrainConfig, "costPerContact" | "revenuePerResponse">): Economics {
  return {
    costPerContact: config.costPerContact ?? DEFAULT_ECONOMICS.costPerContact,
    revenuePerResponse: config.revenuePerResponse ?? DEFAULT_ECONOMICS.revenuePerResponse,
  };
}

function collectGateMetrics(result: TrainResult): GateMetrics {
  const { segmentation, response } = result.metrics;
  // Customers the model declined with a reason (no profile, far outside its range) are not failures to score.
  const { responseProbability, responseNote } = result.scores;
  let expected = 0;
  let scored = 0;
  responseProbability.forEach((p, i) => {
    if (responseNote[i] !== null) return;
    expected++;
    if (Number.isFinite(p)) scored++;
  });
  return {
    silhouette: segmentation.silhouette,
    k: segmentation.k,
    responseAuc: response ? response.cvAuc[response.champion]! : null,
    scoredShare: response && expected > 0 ? scored / expected : 1,
    ...gateBacktest(result.metrics.clv),
  };
}

/** Absent when the CLV stage reported no backtest at all (so the gate says "trained before backtests"). */
function gateBacktest(clv: TrainResult["metrics"]["clv"]): { clvBacktest?: GateBacktest } {
  if (!clv) return { clvBacktest: { unavailable: "no CLV model was trained" } };
  const backtest = clv.backtest;
  if (!backtest) return {};
  if (backtest.status === "unavailable") return { clvBacktest: { unavailable: backtest.reason } };
  return { clvBacktest: { spearman: backtest.spearman, mae: backtest.mae, baselineMae: backtest.baselineMae } };
}

/** Progress goes to the database on every new stage, and within a stage at most every half second. */
function throttledProgress(runId: number, onProgress?: RetrainHooks["onProgress"]): (stage: string, progress: number) => void {
  let last = 0;
  let lastStage = "";
  return (stage, progress) => {
    const now = Date.now();
    if (stage === lastStage && now - last < 500) return;
    last = now;
    lastStage = stage;
    const share = Math.min(0.99, progress);
    onProgress?.(stage, share);
    updateRunProgress(runId, stage, share).catch(() => undefined);
  };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [prefix + key, value]));
}
