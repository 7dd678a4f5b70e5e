/**
 * On SQLite a run's score rows are written ahead of the run's final transaction, in
 * transactions of their own. SQLite has one write lock for the whole file: a million rows in the
 * final transaction held it for 15–16 s, past the 10 s every other connection waits for it (the
 * web server's rate-limit draws then failed, its event loop stopped while they waited).
 * PostgreSQL locks rows, and attaches the run's partition inside the final transaction
 * (internal/partition.ts). On SQLite the rows go into a table of the run's own (scores/scoreTable.ts).
 *
 * Rows of a run that has not finished are read by nothing: every read of scores names the active
 * run or keeps to finished runs (scores/history.ts). A failed write removes its rows; the rows of
 * a run whose process died (failed by the launcher or the reaper) are removed by the next run's write.
 */
import "server-only";
import { bulkInsert } from "./internal/bulkWrite";
import { BULK_TRANSACTION, db, type Prisma } from "./internal/client";
import { executeRaw, queryRaw } from "./internal/dialect";
import { databaseTarget } from "./internal/provider";
import { assertRunWriting } from "./lease";
import { createRunScoreTable, dropRunScoreTable, runScoreIndexes, runScoreTable, runsWithScoreTables } from "./scores/scoreTable";

export const SCORES_AHEAD = databaseTarget().provider === "sqlite";

/**
 * Rows per transaction, each holding the file's write lock. The rows are appended to a table
 * with no index yet, so a transaction's cost is about its rows; docs/scaling.md ("SQLite's write
 * lock at a million", "A table per run on SQLite") has the measured holds.
 */
export const SCORES_PER_TRANSACTION = 100_000;

/** Writes rows [start, end) of a run's scores through `insert`, which takes rows of values in the score columns' order. */
export type WriteScoreRange = (insert: (rows: unknown[][]) => Promise<number>, start: number, end: number) => Promise<void>;

/**
 * Into the run's own table (scores/scoreTable.ts): created in the first transaction, indexed
 * after the last. Each transaction first checks that the run still holds the lease and is
 * running, so a run taken over stops writing.
 */
export async function writeScoresAhead(
  runId: number,
  scores: { count: number; columns: readonly string[]; write: WriteScoreRange },
  rowsPerTransaction: number,
  onProgress?: (share: number) => void,
): Promise<void> {
  await removeAbandonedScores();
  const table = runScoreTable(runId);
  const writing = (step: (tx: Prisma.TransactionClient) => Promise<unknown>) =>
    db.$transaction(async (tx) => {
      await assertRunWriting(tx, runId);
      await step(tx);
    }, BULK_TRANSACTION);
  await writing((tx) => createRunScoreTable(tx, runId));
  for (let start = 0; start < scores.count; start += rowsPerTransaction) {
    const end = Math.min(scores.count, start + rowsPerTransaction);
    await writing((tx) => scores.write((rows) => bulkInsert(tx, table, scores.columns, rows), start, end));
    onProgress?.(end / scores.count);
  }
  for (const statement of await runScoreIndexes(db, runId)) await writing((tx) => executeRaw(tx, statement, []));
}

/** Drops a run's own table, and deletes its rows in the shared one (older runs) SCORES_PER_TRANSACTION at a time for the same reason they were written so. */
export async function removeRunScores(runId: number): Promise<void> {
  await dropRunScoreTable(db, runId);
  const sql = `DELETE FROM "CustomerScore" WHERE "runId" = ? AND "customerId" IN (SELECT "customerId" FROM "CustomerScore" WHERE "runId" = ? LIMIT ${SCORES_PER_TRANSACTION})`;
  for (let deleted = 1; deleted > 0;) deleted = await executeRaw(db, sql, [runId, runId]);
}

/** Removes the rows a failed run left behind (its process died while writing them). */
async function removeAbandonedScores(): Promise<void> {
  await removeScoresOfRuns(`r."status" = 'FAILED'`);
}

/** Removes the scores of every run that matches `runCondition` (SQL on "ModelRun" r) and still has some. */
export async function removeScoresOfRuns(runCondition: string): Promise<void> {
  const tabled = await runsWithScoreTables(db);
  const runs = await queryRaw<{ id: number | bigint }>(
    db,
    `SELECT r."id" FROM "ModelRun" r WHERE ${runCondition}
     AND (r."id" IN (${tabled.map(() => "?").join(", ") || "NULL"}) OR EXISTS (SELECT 1 FROM "CustomerScore" s WHERE s."runId" = r."id"))`,
    tabled,
  );
  for (const { id } of runs) await removeRunScores(Number(id));
}
