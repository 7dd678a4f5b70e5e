/**
 * Rows into a SQLite table with one prepared statement run per row, straight on the
 * better-sqlite3 connection. Inside the transaction that connection has open this is part of
 * it, and since better-sqlite3 is synchronous nothing else runs in between.
 */
import type Database from "better-sqlite3";
import { rememberedByTime } from "./dateText";
import type { UpsertCounts } from "./upsertCounts";

/** A DateTime as Prisma stores it in SQLite: ISO-8601 text with an explicit offset. */
export const sqliteDateText = rememberedByTime((date) => date.toISOString().replace("Z", "+00:00"));

/** A value as Prisma stores it in SQLite: DateTime as sqliteDateText, booleans as 0/1; NaN as NULL. */
export function sqliteValue(value: unknown): unknown {
  if (value === undefined || (typeof value === "number" && Number.isNaN(value))) return null;
  if (value instanceof Date) return sqliteDateText(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");

function prepareInsert(database: Database.Database, table: string, columns: readonly string[]) {
  return database.prepare(`INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
}

export function insertSqliteRows(database: Database.Database, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): number {
  const insert = prepareInsert(database, table, columns);
  let inserted = 0;
  for (const row of rows) inserted += insert.run(row.map(sqliteValue)).changes;
  return inserted;
}

/** See bulkUpsert (bulkWrite.ts); `key` and `compared` are among `columns`. */
export function upsertSqliteRows(
  database: Database.Database,
  table: string,
  key: string,
  columns: readonly string[],
  compared: readonly string[],
  rows: Iterable<readonly unknown[]>,
): UpsertCounts {
  const keyAt = columns.indexOf(key);
  const comparedAt = compared.map((column) => columns.indexOf(column));
  const updatedAt = columns.flatMap((column, i) => (column === key ? [] : [i]));
  const same = database.prepare(`SELECT ${compared.map((column) => `"${column}" IS ?`).join(" AND ")} FROM "${table}" WHERE "${key}" = ?`).pluck();
  const update = database.prepare(`UPDATE "${table}" SET ${updatedAt.map((i) => `"${columns[i]}" = ?`).join(", ")} WHERE "${key}" = ?`);
  const insert = prepareInsert(database, table, columns);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const values = row.map(sqliteValue);
    const found = same.get(...comparedAt.map((i) => values[i]), values[keyAt]) as bigint | number | null | undefined;
    if (found === undefined) counts.inserted += insert.run(values).changes;
    else if (Number(found) === 1) counts.unchanged++;
    else counts.updated += update.run(...updatedAt.map((i) => values[i]), values[keyAt]).changes;
  }
  return counts;
}
