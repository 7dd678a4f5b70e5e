import "server-only";
import { SCORE_COLUMNS, type ScoreRow } from "../runs";
import { readRunScores } from "./scoreTable";

const STORED = SCORE_COLUMNS.filter((column) => column !== "runId");

/** Run `runId`'s score rows, whole, ascending by customer; only those matching `condition` (SQL on the score table aliased `s`) when given. */
export async function readScoreRows(runId: number, condition?: { sql: string; params: unknown[] }): Promise<ScoreRow[]> {
  const rows = await readRunScores(
    runId,
    (table) =>
      `SELECT ${STORED.map((column) => `s."${column}"`).join(", ")} FROM ${table} s
       WHERE s."runId" = ?${condition ? ` AND ${condition.sql}` : ""} ORDER BY s."customerId"`,
    [runId, ...(condition?.params ?? [])],
  );
  return rows.map((row) => Object.fromEntries(STORED.map((column, i) => [column, row[i]])) as unknown as ScoreRow);
}
