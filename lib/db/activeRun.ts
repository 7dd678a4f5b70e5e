/**
 * Every read of the active run: the run whose scores users see is the latest activation up to
 * now. Each function reads only the columns its callers use: the run row also holds large JSON
 * (reference statistics, drift) most pages have no use for.
 */
import "server-only";
import { db } from "./internal/client";
import { activeRunSummary, metricsGate, parseStored, runReferenceOutline, type ActiveRunSummary } from "./runJson";

const RECENT_ACTIVATIONS = 20;

/** Activations up to now, latest first: the first names the active run. */
function latestActivations(take: number) {
  return db.runActivation.findMany({
    where: { activatedAt: { lte: new Date() } },
    orderBy: [{ activatedAt: "desc" }, { id: "desc" }],
    take,
    select: { runId: true, activatedAt: true, reason: true },
  });
}

async function currentActivation() {
  return (await latestActivations(1))[0] ?? null;
}

/** Only the active run's id: what the API, the scorer and the run pages compare against. */
export async function getActiveRunId(): Promise<number | null> {
  return (await currentActivation())?.runId ?? null;
}

/** The admin overview's card: when and why the run became active, and its key figures. */
export async function getActiveRunCard() {
  const activation = await currentActivation();
  if (!activation) return null;
  const run = await db.modelRun.findUnique({
    where: { id: activation.runId },
    select: { id: true, finishedAt: true, snapshotCount: true, metrics: true, drift: true, decision: true },
  });
  return run ? { ...run, activatedAt: activation.activatedAt, activationReason: activation.reason } : null;
}

/** When and why the run became active: the run page's header. */
export async function getActiveActivation() {
  const activation = await currentActivation();
  return activation ? { runId: activation.runId, activatedAt: activation.activatedAt, reason: activation.reason } : null;
}

/** What the next retrain compares against: the active run's reference statistics and its gate figures. */
export async function getActiveRunBaseline() {
  const activation = await currentActivation();
  if (!activation) return null;
  const run = await db.modelRun.findUnique({ where: { id: activation.runId }, select: { id: true, reference: true, metrics: true } });
  return run ? { id: run.id, reference: parseStored(runReferenceOutline, run.reference), gate: parseStored(metricsGate, run.metrics) } : null;
}

export interface SegmentName {
  segmentKey: number;
  name: string;
  color: string;
  size: number;
}

export interface ActiveRunView {
  id: number;
  finishedAt: Date | null;
  summary: ActiveRunSummary | null;
  segments: SegmentName[];
}

/** The customer and campaign pages: counts, the targeting aggregate, the recommended campaign and the segments' names. */
export async function getActiveRunView(): Promise<ActiveRunView | null> {
  const activation = await currentActivation();
  if (!activation) return null;
  const run = await db.modelRun.findUnique({
    where: { id: activation.runId },
    select: {
      id: true,
      finishedAt: true,
      summary: true,
      segments: { orderBy: { segmentKey: "asc" }, select: { segmentKey: true, name: true, color: true, size: true } },
    },
  });
  return run ? { ...run, summary: parseStored(activeRunSummary, run.summary) } : null;
}

/**
 * The segments overview: the active run with its summary, metrics and segments. Read from the
 * run's stored summary and segment profiles, never from a scan of the scores, so the page answers
 * in the same time for a thousand customers or a million.
 */
export async function getActiveRunDetails() {
  const activation = await currentActivation();
  if (!activation) return null;
  const run = await db.modelRun.findUnique({
    where: { id: activation.runId },
    select: { id: true, finishedAt: true, snapshotCount: true, summary: true, metrics: true, segments: { orderBy: { segmentKey: "asc" } } },
  });
  return run ? { ...run, activatedAt: activation.activatedAt } : null;
}

/**
 * The executive dashboard: the active run and the summary of the run active before it (the
 * latest earlier activation of another run), for the change since then.
 */
export async function getDashboardRuns() {
  const activations = await latestActivations(RECENT_ACTIVATIONS);
  if (!activations.length) return null;
  const [current] = activations;
  const previous = activations.find((activation) => activation.runId !== current.runId) ?? null;
  const [run, previousRun] = await Promise.all([
    db.modelRun.findUnique({
      where: { id: current.runId },
      select: {
        id: true,
        finishedAt: true,
        summary: true,
        metrics: true,
        segments: { orderBy: { segmentKey: "asc" }, select: { segmentKey: true, name: true } },
      },
    }),
    previous ? db.modelRun.findUnique({ where: { id: previous.runId }, select: { id: true, finishedAt: true, summary: true } }) : null,
  ]);
  return run ? { run: { ...run, activatedAt: current.activatedAt }, previous: previousRun } : null;
}

/** The active run and one of its segments by stable key; null when either is missing. */
export async function getActiveSegment(segmentKey: number) {
  const activation = await currentActivation();
  if (!activation) return null;
  const [segment, run] = await Promise.all([
    db.segmentProfile.findUnique({ where: { runId_segmentKey: { runId: activation.runId, segmentKey } } }),
    db.modelRun.findUnique({ where: { id: activation.runId }, select: { id: true, finishedAt: true, summary: true } }),
  ]);
  return segment && run ? { segment, run } : null;
}

/** Newest first, with who activated each (null for the promotion gate). */
export async function listActivations(limit = 50) {
  const activations = await db.runActivation.findMany({ orderBy: { id: "desc" }, take: limit, include: { run: { select: { id: true, status: true } } } });
  const userIds = [...new Set(activations.flatMap((activation) => (activation.activatedById ? [activation.activatedById] : [])))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  return activations.map((activation) => ({ ...activation, activatedBy: activation.activatedById ? (emailOf.get(activation.activatedById) ?? null) : null }));
}
