/**
 * On SQLite a run's score rows are written ahead of the run's final transaction, in
 * transactions of their own. SQLite has one write lock for the whole file: a million rows in the
 * final transaction held it for 15–16 s, past the 10 s every other connection waits for it (the
 * web server's rate-limit draws then failed, its event loop stopped while they waited).
 * PostgreSQL locks rows, and attaches the run's partition inside the final transaction
 * (internal/partition.ts).
 *
 * Rows of a run that has not finished are read by nothing: every read of scores names the active
 * run or keeps to finished runs (scores/history.ts). A failed write removes its rows; the rows of
 * a run whose process died (failed by the launcher or the reaper) are removed by the next run's write.
 */
import "server-only";
import { bulkInsert } from "./internal/bulkWrite";
import { BULK_TRANSACTION, db } from "./internal/client";
import { executeRaw, queryRaw } from "./internal/dialect";
import { databaseTarget } from "./internal/provider";
import { assertRunWriting } from "./lease";

export const SCORES_AHEAD = databaseTarget().provider === "sqlite";

/**
 * Rows per transaction. Each commit writes every page its rows touched, and the score-order
 * indexes take each row at a random place, so small transactions cost many times the pages, and
 * large ones hold the lock longer; docs/scaling.md ("SQLite's write lock at a million") has the
 * measured trade-off.
 */
export const SCORES_PER_TRANSACTION = 100_000;

/** Writes rows [start, end) of a run's scores through `insert`, which takes rows of values in the score columns' order. */
export type WriteScoreRange = (insert: (rows: unknown[][]) => Promise<number>, start: number, end: number) => Promise<void>;

/** Each transaction first checks that the run still holds the lease and is running, so a run taken over stops writing. */
export async function writeScoresAhead(
  runId: number,
  scores: { count: number; columns: readonly string[]; write: WriteScoreRange },
  rowsPerTransaction: number,
  onProgress?: (share: number) => void,
): Promise<void> {
  await removeAbandonedScores();
  for (let start = 0; start < scores.count; start += rowsPerTransaction) {
    const end = Math.min(scores.count, start + rowsPerTransaction);
    await db.$transaction(async (tx) => {
      await assertRunWriting(tx, runId);
      await scores.write((rows) => bulkInsert(tx, "CustomerScore", scores.columns, rows), start, end);
    }, BULK_TRANSACTION);
    onProgress?.(end / scores.count);
  }
}

/** Deletes a run's score rows, SCORES_PER_TRANSACTION at a time for the same reason they were written so. */
export async function removeRunScores(runId: number): Promise<void> {
  const sql = `DELETE FROM "CustomerScore" WHERE "runId" = ? AND "customerId" IN (SELECT "customerId" FROM "CustomerScore" WHERE "runId" = ? LIMIT ${SCORES_PER_TRANSACTION})`;
  for (let deleted = 1; deleted > 0;) deleted = await executeRaw(db, sql, [runId, runId]);
}

/** Removes the rows a failed run left behind (its process died while writing them). */
async function removeAbandonedScores(): Promise<void> {
  await removeScoresOfRuns(`r."status" = 'FAILED'`);
}

/** Deletes the score rows of every run that matches `runCondition` (SQL on "ModelRun" r) and still has some. */
export async function removeScoresOfRuns(runCondition: string): Promise<void> {
  const runs = await queryRaw<{ id: number }>(
    db,
    `SELECT r."id" FROM "ModelRun" r WHERE ${runCondition} AND EXISTS (SELECT 1 FROM "CustomerScore" s WHERE s."runId" = r."id")`,
    [],
  );
  for (const { id } of runs) await removeRunScores(Number(id));
}
