/**
 * An upsert on PostgreSQL in three set-based statements on the transaction's client: COPY the
 * rows into a temporary table (dropped at commit), update the stored rows that differ, insert
 * the rest. Not INSERT … ON CONFLICT: that draws a sequence value for every conflicting row, and
 * re-importing a large unchanged file again and again would run the int ids out.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { copyRows } from "./copy";
import type { UpsertCounts } from "./upsertCounts";

/** See bulkUpsert (bulkWrite.ts). Callers serialise their upserts (imports take an advisory lock). */
export async function upsertPostgresRows(
  client: pg.PoolClient,
  table: string,
  key: string,
  columns: readonly string[],
  compared: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<UpsertCounts> {
  const list = columns.map((column) => `"${column}"`).join(", ");
  // One staging table per column list: a transaction may upsert different columns of one table.
  const staging = `upsert_${table}_${createHash("sha1").update(list).digest("hex").slice(0, 8)}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${staging}" ON COMMIT DROP AS SELECT ${list} FROM "${table}" WITH NO DATA`);
  await client.query(`TRUNCATE "${staging}"`);
  const total = await copyRows(client, staging, columns, rows);
  // Each staged key is looked up in the key's index: a chunk is small and the table may be large. Left to choose, the
  // planner merge-joined, scanning the index from its first key to the chunk's last for every chunk (18 s of a 47 s
  // re-import of 1.7M order lines), or, without statistics on the staging table, hash-joined over the whole table.
  await client.query("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
  const tuple = (alias: string) => `(${compared.map((column) => `${alias}."${column}"`).join(", ")})`;
  const assignments = columns.filter((column) => column !== key).map((column) => `"${column}" = s."${column}"`);
  const updated = await client.query(
    `UPDATE "${table}" AS t SET ${assignments.join(", ")} FROM "${staging}" AS s WHERE t."${key}" = s."${key}" AND ${tuple("t")} IS DISTINCT FROM ${tuple("s")}`,
  );
  const inserted = await client.query(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM "${staging}" AS s WHERE NOT EXISTS (SELECT 1 FROM "${table}" AS t WHERE t."${key}" = s."${key}")`,
  );
  await client.query("SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT");
  const counts = { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
  return { ...counts, unchanged: total - counts.inserted - counts.updated };
}
