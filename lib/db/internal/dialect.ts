/**
 * Every difference between SQLite and PostgreSQL in our raw SQL through Prisma, in one place.
 * Bulk writes go around Prisma on the transaction's own connection (bulkWrite.ts).
 */
import "server-only";
import { Prisma as SqlitePrisma } from "../generated/sqlite";
import { Prisma as PostgresPrisma } from "../generated/postgresql";
import { databaseTarget, type Provider } from "./provider";
import { sqliteDateText } from "./sqliteRows";
import type { db, Prisma } from "./client";

const provider: Provider = databaseTarget().provider;

/** A value as the column stores it (SQLite DateTimes as text, sqliteRows.ts). */
function encode(value: unknown): unknown {
  if (value instanceof Date && provider === "sqlite") return sqliteDateText(value);
  return value;
}

/** SQL written with `?` placeholders as the database takes it: PostgreSQL numbers them. */
function numbered(sql: string): string {
  let index = 0;
  return provider === "postgresql" ? sql.replace(/\?/g, () => `$${++index}`) : sql;
}

/**
 * SQL NULL for a Json? column in Prisma writes. Each generated client recognises only its own
 * DbNull object, and lib/db/client re-exports the SQLite one.
 */
export const DB_NULL = (provider === "postgresql" ? PostgresPrisma.DbNull : SqlitePrisma.DbNull) as typeof SqlitePrisma.DbNull;

/** The placeholder for JSON text written to a Json column: PostgreSQL's are jsonb, SQLite keeps the text. */
export const JSON_PARAM = provider === "postgresql" ? "CAST(? AS jsonb)" : "?";

/** Runs SQL written with `?` placeholders on either database, values encoded as the columns store them. */
export function queryRaw<T>(client: Prisma.TransactionClient, sql: string, params: unknown[]): Promise<T[]> {
  return client.$queryRawUnsafe<T[]>(numbered(sql), ...params.map(encode));
}

/** Runs one statement written with `?` placeholders on either database, as `queryRaw` does: how many rows it changed. */
export function executeRaw(client: Prisma.TransactionClient, sql: string, params: unknown[]): Promise<number> {
  return client.$executeRawUnsafe(numbered(sql), ...params.map(encode));
}

/** Key of the transaction-level advisory lock that makes PostgreSQL imports run one at a time. */
const PG_IMPORT_LOCK = 730_021;

/**
 * Imports run one at a time: each counts the tables it leaves (stored with its batch), and
 * two imports of the same customers would race on the unique ids. SQLite already lets one
 * writer in at a time; PostgreSQL takes an advisory lock released when the transaction ends.
 */
export async function serialiseImports(tx: Prisma.TransactionClient): Promise<void> {
  if (provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_IMPORT_LOCK})`);
}

/**
 * A custom attribute of the customer row aliased `c`, as SQL with `?` placeholders and their
 * parameters: `text` (numbers written out, for equality with a category) or `number` (null
 * unless the stored value is a number, so a range never compares text). The name comes from
 * the URL, so it is always a parameter: SQLite gets it inside a JSON path, quoted and escaped
 * as a JSON string (`$."Sales \"EU\""`), which covers dots and quotes; PostgreSQL as a key.
 */
export function attributeValueSql(name: string, as: "text" | "number", on: Provider = provider): { sql: string; params: unknown[] } {
  if (on === "postgresql") {
    const key = `CAST(? AS text)`;
    return as === "text"
      ? { sql: `(c."attributes" ->> ${key})`, params: [name] }
      : { sql: `(CASE WHEN jsonb_typeof(c."attributes" -> ${key}) = 'number' THEN (c."attributes" ->> ${key})::double precision END)`, params: [name, name] };
  }
  const path = `$.${JSON.stringify(name)}`;
  return as === "text"
    ? { sql: `CAST(json_extract(c."attributes", ?) AS TEXT)`, params: [path] }
    : { sql: `(CASE WHEN json_type(c."attributes", ?) IN ('integer', 'real') THEN json_extract(c."attributes", ?) END)`, params: [path, path] };
}

/**
 * PostgreSQL plans from table statistics that autovacuum refreshes only a while after a bulk
 * write. Until then a table just filled by COPY looks nearly empty, and the export's keyset
 * pages are planned as sorts of every remaining row (measured: 50,000 instead of 130,000 rows/s
 * at 100,000 customers). ANALYZE samples a fixed number of rows, so it costs a fraction of a
 * second at any size. SQLite's planner needs no statistics for these queries.
 */
export async function refreshPlannerStatistics(client: Prisma.TransactionClient, targets: readonly StatisticsTarget[]): Promise<void> {
  if (provider !== "postgresql") return;
  for (const { table, columns } of targets) {
    const only = columns ? ` (${columns.map((column) => `"${column}"`).join(", ")})` : "";
    await client.$executeRawUnsafe(`ANALYZE "${table}"${only}`);
  }
}

/** A table whose statistics are refreshed: every column's, or only `columns`' (its row count is refreshed either way). */
export interface StatisticsTarget {
  table: string;
  columns?: readonly string[];
}

/** Drops the partitions of a table partitioned by run (CustomerScore), on PostgreSQL any left detached too, on SQLite the runs' own tables. */
export async function dropPartitions(tx: Prisma.TransactionClient, table: string): Promise<void> {
  for (const { name } of await listPartitionTables(tx, table)) await tx.$executeRawUnsafe(`DROP TABLE "${name}"`);
}

/**
 * The tables named as partitions of `table` (`table`_N), with N. On PostgreSQL, attached or not,
 * and whether a detach of it is pending; on SQLite, the tables of a run's own scores
 * (scores/scoreTable.ts), never attached to anything (detachPending null).
 */
export async function listPartitionTables(
  client: Prisma.TransactionClient,
  table: string,
): Promise<{ name: string; value: number; detachPending: boolean | null }[]> {
  const tables =
    provider === "postgresql"
      ? await client.$queryRawUnsafe<{ name: string; detachPending: boolean | null }[]>(
          `SELECT c.relname::text AS "name", i.inhdetachpending AS "detachPending"
           FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND i.inhparent = $1::regclass
           WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND starts_with(c.relname::text, $2)`,
          `"${table}"`,
          `${table}_`,
        )
      : await client.$queryRawUnsafe<{ name: string; detachPending: null }[]>(
          `SELECT "name", NULL AS "detachPending" FROM sqlite_master WHERE "type" = 'table' AND substr("name", 1, length(?)) = ?`,
          `${table}_`,
          `${table}_`,
        );
  return tables.flatMap(({ name, detachPending }) => {
    const suffix = name.slice(table.length + 1);
    return /^\d+$/.test(suffix) ? [{ name, value: Number(suffix), detachPending }] : [];
  });
}

/**
 * The DROP of a partition's table waits for an exclusive lock on the tables its foreign keys name
 * (Customer, ModelRun), and while it waits every reader of those queues behind it: so it waits
 * briefly, a few times, then leaves the table for the next try.
 */
const DROP_LOCK_TIMEOUT_MS = 200;
const DROP_ATTEMPTS = 5;

/**
 * Removes one of those tables without stopping the parent's readers: DETACH ... CONCURRENTLY
 * waits for the queries that may read the partition instead of locking the parent, and so cannot
 * run inside a transaction (pass the client, not a transaction). A detach a crash interrupted is
 * finished (FINALIZE); PostgreSQL allows one pending per table, so finish those first. False when
 * the table is left, detached, because the locks stayed busy.
 */
export async function removePartitionTable(client: typeof db, table: string, partition: { name: string; detachPending: boolean | null }): Promise<boolean> {
  if (partition.detachPending !== null)
    await client.$executeRawUnsafe(`ALTER TABLE "${table}" DETACH PARTITION "${partition.name}" ${partition.detachPending ? "FINALIZE" : "CONCURRENTLY"}`);
  for (let attempt = 1; attempt <= DROP_ATTEMPTS; attempt++) {
    try {
      await client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${DROP_LOCK_TIMEOUT_MS}ms'`);
        await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partition.name}"`);
      });
      return true;
    } catch (error) {
      // 55P03: lock_not_available, which a lock timeout raises.
      if (!(error instanceof Error && error.message.includes("55P03"))) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 250));
    }
  }
  return false;
}
