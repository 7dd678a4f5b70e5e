/**
 * Runs whose process died are shown dead, not "running" for ever: whoever reads the runs first
 * marks a queued or running run failed once no live lease names it (SQLite: its heartbeat is
 * older than the lease's expiry; PostgreSQL: the advisory lock is free). The launcher settles
 * its own job process's run the moment that process exits, and stores its log.
 */
import "server-only";
import { db } from "./internal/client";
import { currentLeaseHolder, LEASE_TTL_MS, readLease, releaseLease, stoppedMessage } from "./lease";

const OPEN = ["QUEUED", "RUNNING"] as const;

/** The stage of a retrain the web queued for the worker process (RETRAIN_SCHEDULER=worker) until a worker claims it (runs.ts). */
export const AWAITING_WORKER = "awaiting the worker";
const NO_WORKER = `no worker process took this retrain within ${LEASE_TTL_MS / 1000} s: with RETRAIN_SCHEDULER=worker, "npm run worker" must be running`;

/** Marks the dead ones among the queued and running runs failed; returns their ids. */
export async function reapDeadRuns(now = new Date()): Promise<number[]> {
  const open = await db.modelRun.findMany({
    where: { status: { in: [...OPEN] } },
    select: { id: true, status: true, stage: true, createdAt: true, startedAt: true },
  });
  if (!open.length) return [];
  const [live, lease] = await Promise.all([currentLeaseHolder(), readLease()]);
  const reaped: number[] = [];
  for (const run of open) {
    if (run.id === live) continue;
    // A run is created (or claimed from the worker's queue) just before it takes the lease: give a queued one without a lease row that long.
    const leaseNamesRun = lease?.runId === run.id;
    const queuedSince = run.startedAt ?? run.createdAt;
    if (run.status === "QUEUED" && !leaseNamesRun && now.getTime() - queuedSince.getTime() < LEASE_TTL_MS) continue;
    const lastSeen = leaseNamesRun ? lease.heartbeatAt : queuedSince;
    const error = run.stage === AWAITING_WORKER ? NO_WORKER : stoppedMessage(lastSeen, run.stage);
    const { count } = await db.modelRun.updateMany({ where: { id: run.id, status: { in: [...OPEN] } }, data: { status: "FAILED", finishedAt: now, error } });
    if (count) reaped.push(run.id);
  }
  return reaped;
}

/**
 * After the job process of `runId` exited: fails the run if it had not finished (saying how the
 * process ended), keeps its log either way, and frees the lease so the next retrain may start.
 */
export async function settleExitedRun(runId: number, exit: { cause: string; log: string }): Promise<void> {
  const run = await db.modelRun.findUnique({ where: { id: runId }, select: { stage: true } });
  await db.modelRun.updateMany({
    where: { id: runId, status: { in: [...OPEN] } },
    data: { status: "FAILED", finishedAt: new Date(), error: stoppedMessage(new Date(), run?.stage ?? null, exit.cause) },
  });
  await db.modelRun.updateMany({ where: { id: runId }, data: { log: exit.log } });
  await releaseLease(runId);
}

/** The run training now, once dead ones are seen dead (the admin page, 409 answers). */
export async function runningRunId(): Promise<number | null> {
  await reapDeadRuns();
  return currentLeaseHolder();
}
