/**
 * On SQLite a run's score rows are written ahead of the run's final transaction, a chunk per
 * transaction of their own. SQLite has one write lock for the whole file: a million rows in the
 * final transaction held it for 15–16 s, past the 10 s every other connection waits for it (the
 * web server's rate-limit draws then fail, and its event loop stops while they wait). PostgreSQL
 * locks rows, and attaches the run's partition inside the final transaction (partition.ts).
 *
 * Rows of a run that has not finished are read by nothing: every read of scores names the active
 * run or keeps to finished runs (scores/history.ts). A failed write removes its rows before it
 * rethrows; the rows of a run whose process died are removed by the next run's write.
 */
import "server-only";
import { db } from "./client";
import { executeRaw, queryRaw } from "./dialect";
import { databaseTarget } from "./provider";

export const SCORES_AHEAD = databaseTarget().provider === "sqlite";

/** Rows per transaction: at SQLite's 60,000–130,000 score rows a second, the lock is free again within about 150 ms. */
export const SCORE_CHUNK = 10_000;

/** Deletes a run's score rows, SCORE_CHUNK at a time for the same reason they were written so. */
export async function removeRunScores(runId: number): Promise<void> {
  const sql = `DELETE FROM "CustomerScore" WHERE "runId" = ? AND "customerId" IN (SELECT "customerId" FROM "CustomerScore" WHERE "runId" = ? LIMIT ${SCORE_CHUNK})`;
  while ((await executeRaw(db, sql, [runId, runId])) > 0);
}

/** Removes the rows a failed run left behind (its process died while writing them). */
export async function removeAbandonedScores(): Promise<void> {
  const runs = await queryRaw<{ id: number }>(
    db,
    `SELECT r."id" FROM "ModelRun" r WHERE r."status" = 'FAILED' AND EXISTS (SELECT 1 FROM "CustomerScore" s WHERE s."runId" = r."id")`,
    [],
  );
  for (const { id } of runs) await removeRunScores(Number(id));
}
