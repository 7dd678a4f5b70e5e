/**
 * Where a run's score rows are. On PostgreSQL, CustomerScore is partitioned by run
 * (internal/partition.ts) and read through the parent. On SQLite, each run a retrain writes gets
 * a table of its own, CustomerScore_<run>, with CustomerScore's columns: its rows go in in
 * customer order and its indexes are built once they are all there. The shared table's indexes,
 * kept row by row, placed each row at random in the three in score order, and took a million rows
 * at 55,000–65,000 a second; the run's own table takes them at twice that (docs/scaling.md, "A
 * table per run on SQLite"). Runs written before keep their rows in the shared table.
 *
 * Every read names the run (`s."runId" = ?`), so the same SQL reads either table. What a
 * migration adds to CustomerScore, columns or indexes, is added to the run tables with it
 * (internal/runScoreSchema.ts).
 */
import "server-only";
import type { Prisma } from "../internal/client";
import { executeRaw, listPartitionTables, queryRaw } from "../internal/dialect";
import { partitionName } from "../internal/partition";
import { INDEX_COLUMNS_SQL, SCORE_INDEXES_SQL, SCORE_TABLE, runColumnDefinition, runIndexOf, type SqliteColumn } from "../internal/runScoreSchema";
import { databaseTarget } from "../internal/provider";
import { readRows } from "../internal/rawReader";

const sqlite = databaseTarget().provider === "sqlite";

/** The name of run `runId`'s own table on SQLite (its partition on PostgreSQL). */
export const runScoreTable = (runId: number): string => partitionName(SCORE_TABLE, runId);

/** The quoted table holding run `runId`'s scores, for a read through `readRows`. */
export async function scoreTableOf(runId: number): Promise<string> {
  if (!sqlite) return `"${SCORE_TABLE}"`;
  const own = runScoreTable(runId);
  const found = await readRows(`SELECT 1 FROM sqlite_master WHERE "type" = 'table' AND "name" = ?`, [own]);
  return `"${found.length ? own : SCORE_TABLE}"`;
}

/** Rows of a read of run `runId`'s scores; none once retention dropped the run's table between finding it and reading it. */
export async function readRunScores(runId: number, sql: (table: string) => string, params: unknown[]): Promise<unknown[][]> {
  const table = await scoreTableOf(runId);
  try {
    return await readRows(sql(table), params);
  } catch (error) {
    if (sqlite && error instanceof Error && error.message === `no such table: ${table.slice(1, -1)}`) return [];
    throw error;
  }
}

/** How many score rows run `runId` has. */
export async function countRunScores(runId: number): Promise<number> {
  const counted = await readRunScores(runId, (table) => `SELECT COUNT(*) FROM ${table} s WHERE s."runId" = ?`, [runId]);
  return Number(counted[0]?.[0] ?? 0);
}

/**
 * Creates run `runId`'s own table (SQLite), with CustomerScore's columns as they are now. The
 * customer is the row id, so rows in customer order are appended and read back by the row id.
 */
export async function createRunScoreTable(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  const columns = await queryRaw<SqliteColumn>(tx, `PRAGMA table_info("${SCORE_TABLE}")`, []);
  await executeRaw(tx, `CREATE TABLE "${runScoreTable(runId)}" (${columns.map((column) => runColumnDefinition(column, runId)).join(", ")})`, []);
}

/**
 * The shared table's indexes on run `runId`'s own table, their leading run id moved last, each
 * created in one sort; the one on the customer alone is the row id here. Returns the statements
 * for the caller to run, one transaction each: each holds the write lock, about a second per
 * index at a million rows.
 *
 * Led by the run id, an index served the queries' `runId = ?`: SQLite, with no statistics, took
 * the (run, segment) one for it and sorted every row of the run for a page in customer order; it
 * now walks the row ids (tests/integration/scoresAhead.sqlite.test.ts). Kept last, the run id
 * lets `runId = ?` be checked in the index, so the rows an OFFSET skips are never read.
 */
export async function runScoreIndexes(tx: Prisma.TransactionClient, runId: number): Promise<string[]> {
  const indexes = await queryRaw<{ name: string }>(tx, SCORE_INDEXES_SQL, [SCORE_TABLE]);
  const statements: string[] = [];
  for (const { name } of indexes) {
    const columns = (await queryRaw<{ name: string }>(tx, INDEX_COLUMNS_SQL, [name])).map((column) => column.name);
    const index = runIndexOf(runScoreTable(runId), columns);
    if (index) statements.push(index.sql);
  }
  return statements;
}

/** Drops run `runId`'s own table, if it has one. */
export async function dropRunScoreTable(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  await executeRaw(tx, `DROP TABLE IF EXISTS "${runScoreTable(runId)}"`, []);
}

/** The runs that have a table of their own (SQLite; on PostgreSQL, a partition). */
export async function runsWithScoreTables(client: Prisma.TransactionClient): Promise<number[]> {
  return (await listPartitionTables(client, SCORE_TABLE)).map((table) => table.value);
}

/** Score rows in all: the shared table's (on PostgreSQL every partition's) and the SQLite run tables'. */
export async function countScoreRows(client: Prisma.TransactionClient): Promise<number> {
  let total = await client.customerScore.count();
  if (sqlite)
    for (const runId of await runsWithScoreTables(client))
      total += Number((await queryRaw<{ n: number | bigint }>(client, `SELECT COUNT(*) AS "n" FROM "${runScoreTable(runId)}"`, []))[0].n);
  return total;
}
