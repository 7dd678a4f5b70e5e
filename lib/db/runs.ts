/**
 * Model runs: their life cycle, their history, and writing a finished run's models, segments
 * and scores together with the switch of the active run and its audit entry in one
 * transaction, so nobody ever sees half a run (on SQLite the score rows go in just before it,
 * unseen until it commits: scoresAhead.ts). The active run is read in activeRun.ts.
 */
import "server-only";
import { writeAudit, type AuditEntry } from "./audit";
import { BULK_TRANSACTION, db, type Prisma } from "./internal/client";
import { bulkInsertPartition } from "./internal/bulkWrite";
import { executeRaw, JSON_PARAM, refreshPlannerStatistics } from "./internal/dialect";
import { partitionName } from "./internal/partition";
import { assertRunWriting, LeaseLostError } from "./lease";
import { decisionReview, parseStored } from "./runJson";
import { ScoresRemovedError } from "./scoreRetention";
import { removeRunScores, SCORES_AHEAD, SCORES_PER_TRANSACTION, writeScoresAhead, type WriteScoreRange } from "./scoresAhead";
import { AWAITING_WORKER, reapDeadRuns } from "./runLiveness";

export type RunTrigger = "CRON" | "MANUAL" | "CLI";

export async function createRun(input: { trigger: RunTrigger; requestedById: string | null; seed: number; config: Prisma.InputJsonValue }) {
  return db.modelRun.create({ data: { ...input, status: "QUEUED" }, select: { id: true } });
}

const CLAIMED = "claimed by the worker";

export async function queueRunForWorker(input: { trigger: RunTrigger; requestedById: string | null; seed: number; config?: Prisma.InputJsonValue }) {
  return db.modelRun.create({ data: { config: {}, ...input, status: "QUEUED", stage: AWAITING_WORKER }, select: { id: true } });
}

export interface QueuedRun {
  id: number;
  trigger: RunTrigger;
  requestedById: string | null;
  seed: number;
  config: Prisma.JsonValue;
}

/**
 * The oldest retrain waiting for a worker, claimed by at most one of several workers: the
 * update that claims it checks it is still waiting. startedAt marks the claim, so the run's
 * job process has the lease's grace from then on (runLiveness.ts).
 */
export async function claimQueuedRun(): Promise<QueuedRun | null> {
  const waiting = await db.modelRun.findFirst({
    where: { status: "QUEUED", stage: AWAITING_WORKER },
    orderBy: { id: "asc" },
    select: { id: true, trigger: true, requestedById: true, seed: true, config: true },
  });
  if (!waiting) return null;
  const { count } = await db.modelRun.updateMany({
    where: { id: waiting.id, status: "QUEUED", stage: AWAITING_WORKER },
    data: { stage: CLAIMED, startedAt: new Date() },
  });
  return count === 1 ? waiting : null;
}

/** A claimed queued run takes on the configuration its job resolved, as a run it created itself would have. */
export async function takeQueuedRun(runId: number, settings: { seed: number; config: Prisma.InputJsonValue }): Promise<void> {
  const { count } = await db.modelRun.updateMany({ where: { id: runId, status: "QUEUED", stage: CLAIMED }, data: settings });
  if (count === 0) throw new Error(`run ${runId} is not a queued retrain claimed by a worker`);
}

export async function deleteQueuedRun(runId: number): Promise<void> {
  await db.modelRun.deleteMany({ where: { id: runId, status: "QUEUED" } });
}

export async function markRunRunning(runId: number, snapshot: { count: number; hash: string }): Promise<void> {
  await db.modelRun.updateMany({
    where: { id: runId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), snapshotCount: snapshot.count, snapshotHash: snapshot.hash, stage: "snapshot", progress: 0.01 },
  });
}

/**
 * Only a running run moves: one already declared dead keeps the stage it died in. One statement
 * rather than Prisma's updateMany, which opens a transaction around it: the job sends these
 * without waiting, beside synchronous training, and on SQLite that transaction held the write
 * lock until training next yielded (0.7 s on the real file, 2.4 s at 100,000 customers: `npm run
 * bench:lock`), and every other process's writes waited.
 */
export async function updateRunProgress(runId: number, stage: string, progress: number): Promise<void> {
  await executeRaw(db, `UPDATE "ModelRun" SET "stage" = ?, "progress" = ? WHERE "id" = ? AND "status" = 'RUNNING'`, [stage, progress, runId]);
}

/** A run already declared dead keeps the reason it was given. */
export async function markRunFailed(runId: number, error: string, timings?: Prisma.InputJsonValue): Promise<void> {
  await db.modelRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error, timings },
  });
}

export async function listRuns(limit = 50) {
  await reapDeadRuns();
  return db.modelRun.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      trigger: true,
      status: true,
      stage: true,
      progress: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      metrics: true,
      drift: true,
      decision: true,
      error: true,
      snapshotCount: true,
      scoresRemovedAt: true,
      requestedBy: { select: { email: true } },
    },
  });
}

export async function getRun(id: number) {
  await reapDeadRuns();
  return db.modelRun.findUnique({
    where: { id },
    include: { requestedBy: { select: { email: true } }, segments: { orderBy: { segmentKey: "asc" } } },
  });
}

/** What the admin page polls while a run trains. Readers of runs see a dead run failed (runLiveness.ts). */
export async function getRunProgress(id: number) {
  await reapDeadRuns();
  const run = await db.modelRun.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      stage: true,
      progress: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      decision: true,
      scoresRemovedAt: true,
    },
  });
  if (!run) return null;
  // Of the decision only whether the gate held the run for review: the panel words the outcome by it, the run page shows the rest.
  const { decision, ...progress } = run;
  return { ...progress, review: parseStored(decisionReview, decision)?.review === true };
}

/** Why a run failed; null while it has not (or for an unknown run). */
export async function getRunError(id: number): Promise<string | null> {
  return (await db.modelRun.findUnique({ where: { id }, select: { error: true } }))?.error ?? null;
}

/** The runs the API lists, newest first, without their large JSON. */
export async function listRunsForApi(limit = 100) {
  await reapDeadRuns();
  return db.modelRun.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, trigger: true, status: true, createdAt: true, finishedAt: true, snapshotCount: true, decision: true },
  });
}

/** One run as the API and the run export show it: its measurements, not its models or reference statistics. */
export async function getRunForApi(id: number) {
  await reapDeadRuns();
  return db.modelRun.findUnique({
    where: { id },
    select: {
      id: true,
      trigger: true,
      status: true,
      createdAt: true,
      finishedAt: true,
      snapshotCount: true,
      decision: true,
      metrics: true,
      drift: true,
      stability: true,
      timings: true,
      error: true,
    },
  });
}

/** Metrics of the latest runs that trained (promoted or not), oldest first, for the history charts. */
export async function listRunMetricHistory(limit = 30) {
  const runs = await db.modelRun.findMany({
    where: { status: { in: ["SUCCEEDED", "REJECTED"] } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, status: true, finishedAt: true, metrics: true, drift: true },
  });
  return runs.reverse();
}

/** The latest run that finished, whatever its outcome: when the models were last retrained. */
export async function getLastFinishedRun() {
  return db.modelRun.findFirst({
    where: { finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    select: { id: true, status: true, finishedAt: true },
  });
}

export async function getRunArtifact<T>(runId: number, name: string): Promise<T | null> {
  const artifact = await db.modelArtifact.findUnique({ where: { runId_name: { runId, name } } });
  return (artifact?.data as T | undefined) ?? null;
}

export interface ScoreRow {
  customerId: number;
  segmentKey: number;
  segmentProbabilities: string | null;
  responseProbability: number | null;
  clv: number | null;
  clvLow: number | null;
  clvHigh: number | null;
  pAlive: number | null;
  expectedPurchases: number | null;
  historicalClv: number | null;
  responseNote: string | null;
  clvSource: string | null;
  clvNote: string | null;
  /** The customer's data fingerprint (lib/data/inputFingerprint.ts); null in seeded runs. */
  inputHash: string | null;
  pcaX: number;
  pcaY: number;
  pcaZ: number;
}

export const SCORE_COLUMNS = [
  "runId",
  "customerId",
  "segmentKey",
  "segmentProbabilities",
  "responseProbability",
  "clv",
  "clvLow",
  "clvHigh",
  "pAlive",
  "expectedPurchases",
  "historicalClv",
  "responseNote",
  "clvSource",
  "clvNote",
  "inputHash",
  "pcaX",
  "pcaY",
  "pcaZ",
] as const;

/**
 * A run's score rows, made a chunk at a time by `slice` (a million rows as objects at once were
 * a gigabyte of a retrain's peak); an array serves as well.
 */
export interface ScoreRows {
  readonly length: number;
  slice(start: number, end: number): ScoreRow[];
}

export interface RunOutcome {
  status: "SUCCEEDED" | "REJECTED";
  metrics: Prisma.InputJsonValue;
  drift: Prisma.InputJsonValue | null;
  stability: Prisma.InputJsonValue | null;
  decision: Prisma.InputJsonValue;
  reference: Prisma.InputJsonValue;
  summary: Prisma.InputJsonValue;
  timings: Prisma.InputJsonValue;
  artifacts: Record<string, Prisma.InputJsonValue>;
  segments: Omit<Prisma.SegmentProfileCreateManyInput, "runId">[];
  scores: ScoreRows;
  /** Make this run the active one, in the same transaction. */
  activate: { reason: string } | null;
  /** The gate's verdict for the audit log, written in the same transaction. */
  audit: AuditEntry;
}

/**
 * The run's JSON, written as text made before the transaction opens: Prisma's own handling of
 * JSON values took 250 ms per 760 KB (measured against 20–50 ms for text), all of it inside the
 * transaction, where on SQLite it holds the write lock every other process waits on.
 */
const RUN_JSON_COLUMNS = ["metrics", "drift", "stability", "decision", "reference", "summary", "timings"] as const;

function jsonText(value: Prisma.InputJsonValue | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Score rows made and sent at a time: a million rows as arrays at once were a gigabyte of a retrain's peak. */
const SCORE_SLICE = 20_000;

function scoreRangeWriter(runId: number, scores: ScoreRows): WriteScoreRange {
  return async (insert, start, end) => {
    for (let from = start; from < end; from += SCORE_SLICE) {
      const slice = scores.slice(from, Math.min(end, from + SCORE_SLICE));
      await insert(slice.map((score) => SCORE_COLUMNS.map((column) => (column === "runId" ? runId : score[column]))));
    }
  };
}

/** `insert`, reporting the share of `total` rows written after each call. */
function reportingProgress(insert: (rows: unknown[][]) => Promise<number>, total: number, onProgress?: (share: number) => void) {
  let written = 0;
  return async (rows: unknown[][]) => {
    const inserted = await insert(rows);
    written += inserted;
    onProgress?.(written / total);
    return inserted;
  };
}

/**
 * Writes nothing (LeaseLostError) unless the run still holds the lease and is still running, checked in each transaction that writes.
 * Returns how long the score rows alone took to write, for the run's timings. `rowsPerTransaction`: SQLite's (scoresAhead.ts).
 */
export async function writeRunOutcome(
  runId: number,
  outcome: RunOutcome,
  onProgress?: (share: number) => void,
  rowsPerTransaction = SCORES_PER_TRANSACTION,
): Promise<{ scoresMs: number }> {
  const runJson = RUN_JSON_COLUMNS.map((column) => jsonText(outcome[column]));
  const artifacts = Object.entries(outcome.artifacts).map(([name, data]) => [name, jsonText(data)]);
  const scores = { count: outcome.scores.length, columns: SCORE_COLUMNS, write: scoreRangeWriter(runId, outcome.scores) };
  let scoresMs = 0;
  const timed = async (write: () => Promise<void>) => {
    const started = performance.now();
    await write();
    scoresMs = Math.round(performance.now() - started);
  };
  try {
    if (SCORES_AHEAD) await timed(() => writeScoresAhead(runId, scores, rowsPerTransaction, onProgress));
    await db.$transaction(async (tx) => {
      await assertRunWriting(tx, runId);
      for (const [name, data] of artifacts)
        await executeRaw(tx, `INSERT INTO "ModelArtifact" ("runId", "name", "data") VALUES (?, ?, ${JSON_PARAM})`, [runId, name, data]);
      await tx.segmentProfile.createMany({ data: outcome.segments.map((segment) => ({ ...segment, runId })) });
      if (!SCORES_AHEAD)
        await timed(() =>
          bulkInsertPartition(tx, "CustomerScore", { column: "runId", value: runId }, SCORE_COLUMNS, (insert) =>
            scores.write(reportingProgress(insert, scores.count, onProgress), 0, scores.count),
          ),
        );
      const set = RUN_JSON_COLUMNS.map((column) => `"${column}" = ${JSON_PARAM}`).join(", ");
      const count = await executeRaw(tx, `UPDATE "ModelRun" SET ${set} WHERE "id" = ? AND "status" = 'RUNNING'`, [...runJson, runId]);
      if (count === 0) throw new LeaseLostError(runId);
      await tx.modelRun.updateMany({ where: { id: runId }, data: { status: outcome.status, finishedAt: new Date(), stage: "done", progress: 1 } });
      if (outcome.activate) await tx.runActivation.create({ data: { runId, reason: outcome.activate.reason } });
      await writeAudit(tx, outcome.audit);
    }, BULK_TRANSACTION);
  } catch (error) {
    // Should this fail too, the run is failed by the caller and the next run's write removes its rows.
    if (SCORES_AHEAD) await removeRunScores(runId).catch((cleanup) => console.error(`run ${runId}: its score rows stay until the next run's write:`, cleanup));
    throw error;
  }
  // The run's own partition on PostgreSQL: analysing the parent would sample every run's.
  await refreshPlannerStatistics(db, [{ table: partitionName("CustomerScore", runId) }]);
  return { scoresMs };
}

/** The stage timings once the write itself is timed too (after writeRunOutcome). */
export async function recordRunTimings(runId: number, timings: Prisma.InputJsonValue): Promise<void> {
  await db.modelRun.update({ where: { id: runId }, data: { timings } });
}

/** Force-promote a rejected run or roll back to an earlier one: the new activation and its audit entry together. */
export async function activateRun(runId: number, userId: string, reason: "forced" | "rollback", note: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Takes the run's row lock first, as retention's mark does (scoreRetention.ts), and finds whether its scores are still there.
    const kept = await tx.modelRun.updateMany({ where: { id: runId, scoresRemovedAt: null }, data: { scoresRemovedAt: null } });
    const run = await tx.modelRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run || (run.status !== "SUCCEEDED" && run.status !== "REJECTED")) throw new Error(`run ${runId} has no models to activate`);
    if (kept.count === 0) throw new ScoresRemovedError(runId);
    await tx.runActivation.create({ data: { runId, reason, activatedById: userId, note } });
    await writeAudit(tx, { userId, action: `run.${reason}`, target: `run:${runId}`, details: { note } });
  });
}
