/**
 * A run's score rows as the tests check them, read from wherever the run keeps them (a table of
 * its own on SQLite, the shared table for runs written before: lib/db/scores/scoreTable.ts).
 * lib/db is imported on first use, once the test has pointed DATABASE_URL at its database.
 */
import type { ScoreRow } from "@/lib/db/runs";

/** Every score row of run `runId`, ascending by customer id. */
export async function readRunScoreRows(runId: number): Promise<ScoreRow[]> {
  return (await import("@/lib/db/scores/rows")).readScoreRows(runId);
}

/** How many of run `runId`'s score rows pass `where` (all of them without one, counted by the database). */
export async function countRunScores(runId: number, where?: (row: ScoreRow) => boolean): Promise<number> {
  if (where) return (await readRunScoreRows(runId)).filter(where).length;
  return (await import("@/lib/db/scores/scoreTable")).countRunScores(runId);
}
