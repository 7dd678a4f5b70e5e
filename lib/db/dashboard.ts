/**
 * Reads for the dashboards. Everything comes from the run's stored summary, metrics and
 * segment profiles (a handful of rows), never from a scan of CustomerScore, so the pages
 * answer in the same time for a thousand customers or a million.
 */
import "server-only";
import { db } from "./internal/client";
import { activationsUpTo } from "./runs";

const RECENT_ACTIVATIONS = 20;

const RUN_DETAILS = { id: true, finishedAt: true, snapshotCount: true, summary: true, metrics: true, segments: { orderBy: { segmentKey: "asc" as const } } };

/** The latest activations up to now, newest first. */
async function recentActivations(take: number) {
  return db.runActivation.findMany({
    ...activationsUpTo(),
    take,
    select: { runId: true, activatedAt: true },
  });
}

/** The active run with its summary, metrics and segments; null before any run is active. */
export async function getActiveRunDetails() {
  const [current] = await recentActivations(1);
  if (!current) return null;
  const run = await db.modelRun.findUnique({ where: { id: current.runId }, select: RUN_DETAILS });
  return run ? { ...run, activatedAt: current.activatedAt } : null;
}

/**
 * The active run's details and the summary of the run active before it (the latest earlier
 * activation of another run), for the change since then.
 */
export async function getDashboardRuns() {
  const activations = await recentActivations(RECENT_ACTIVATIONS);
  if (!activations.length) return null;
  const current = activations[0];
  const previous = activations.find((activation) => activation.runId !== current.runId) ?? null;
  const [run, previousRun] = await Promise.all([
    db.modelRun.findUnique({
      where: { id: current.runId },
      select: { id: true, finishedAt: true, summary: true, metrics: true, segments: { orderBy: { segmentKey: "asc" }, select: { segmentKey: true, name: true } } },
    }),
    previous ? db.modelRun.findUnique({ where: { id: previous.runId }, select: { id: true, finishedAt: true, summary: true } }) : null,
  ]);
  return run ? { run: { ...run, activatedAt: current.activatedAt }, previous: previousRun } : null;
}

/** The active run and one of its segments by stable key; null when either is missing. */
export async function getActiveSegment(segmentKey: number) {
  const [activation] = await recentActivations(1);
  if (!activation) return null;
  const [segment, run] = await Promise.all([
    db.segmentProfile.findUnique({ where: { runId_segmentKey: { runId: activation.runId, segmentKey } } }),
    db.modelRun.findUnique({ where: { id: activation.runId }, select: { id: true, finishedAt: true, summary: true } }),
  ]);
  return segment && run ? { segment, run } : null;
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
