/**
 * Score retention. Every run stores a row per customer, so a nightly retrain of a million
 * customers would grow the database by a million rows a night without end. After each retrain,
 * the per-customer scores of the finished runs older than the newest SCORE_RETENTION_RUNS are
 * removed, never those of the active run, of one active within the last hour or of one an
 * activation names for later. Such a run keeps its metrics, drift, segments and models; it is
 * marked (ModelRun.scoresRemovedAt), so its page says so, and it can no longer be made active
 * (activateRun).
 */
import "server-only";
import { env } from "@/lib/env";
import { db } from "./internal/client";
import { listPartitionTables, removePartitionTable } from "./internal/dialect";
import { databaseTarget } from "./internal/provider";
import { removeScoresOfRuns } from "./scoresAhead";

export class ScoresRemovedError extends Error {
  constructor(readonly runId: number) {
    super(`Run ${runId}'s per-customer scores were removed under the score retention (SCORE_RETENTION_RUNS): it can no longer be made active.`);
    this.name = "ScoresRemovedError";
  }
}

/** Marks the finished runs past `keep` and removes their scores (and those of runs marked before whose removal was cut short). Returns the runs marked now. */
export async function removeExpiredScores(keep = env.SCORE_RETENTION_RUNS): Promise<number[]> {
  const expired = await db.modelRun.findMany({
    where: { status: { in: ["SUCCEEDED", "REJECTED"] }, scoresRemovedAt: null },
    orderBy: { id: "desc" },
    skip: keep,
    select: { id: true },
  });
  const marked: number[] = [];
  for (const { id } of expired) if (await markScoresRemoved(id)) marked.push(id);
  await removeMarkedScores();
  return marked;
}

/**
 * A run users saw within this long keeps its scores: an export or API paging of it started just
 * before the switch finishes on its rows instead of ending short.
 */
export const RECENTLY_ACTIVE_MS = 60 * 60_000;

/**
 * Nothing is marked when the run was active within RECENTLY_ACTIVE_MS, is active now or is named
 * by a later activation. The mark takes the run's row lock before the activations are read, and
 * activateRun takes the same lock before it writes one, so neither can slip past the other.
 */
async function markScoresRemoved(runId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.modelRun.updateMany({ where: { id: runId, scoresRemovedAt: null }, data: { scoresRemovedAt: now } });
    if (count === 0) return false;
    const since = new Date(now.getTime() - RECENTLY_ACTIVE_MS);
    const [activeThen, activatedSince] = await Promise.all([
      tx.runActivation.findFirst({ where: { activatedAt: { lte: since } }, orderBy: [{ activatedAt: "desc" }, { id: "desc" }], select: { runId: true } }),
      tx.runActivation.count({ where: { runId, activatedAt: { gt: since } } }),
    ]);
    if (activeThen?.runId !== runId && activatedSince === 0) return true;
    await tx.modelRun.update({ where: { id: runId }, data: { scoresRemovedAt: null } });
    return false;
  });
}

/** Each run's scores are a table of their own, dropped whole: a partition on PostgreSQL, detached first; on SQLite (scoresAhead.ts), where the rows of runs written before are deleted a transaction's worth at a time. */
async function removeMarkedScores(): Promise<void> {
  if (databaseTarget().provider === "postgresql") {
    const marked = new Set((await db.modelRun.findMany({ where: { scoresRemovedAt: { not: null } }, select: { id: true } })).map(({ id }) => id));
    const tables = (await listPartitionTables(db, "CustomerScore")).filter((table) => marked.has(table.value));
    // A pending detach first: while one is pending, PostgreSQL refuses to start another.
    tables.sort((a, b) => Number(b.detachPending === true) - Number(a.detachPending === true));
    for (const table of tables)
      if (!(await removePartitionTable(db, "CustomerScore", table)))
        console.warn(`score retention: ${table.name} is detached but not dropped, its locks busy; the next retrain drops it`);
    return;
  }
  await removeScoresOfRuns(`r."scoresRemovedAt" IS NOT NULL`);
}
