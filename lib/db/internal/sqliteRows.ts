/**
 * Rows into a SQLite table with prepared statements run straight on the better-sqlite3
 * connection. Inside the transaction that connection has open this is part of it, and since
 * better-sqlite3 is synchronous nothing else runs in between.
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

/**
 * Values bound per statement of an insert: SQLite's oldest default limit. A statement of several
 * rows costs about one row's overhead: a million score rows went in in 2.8 s instead of 3.7 s,
 * and more than a few dozen rows a statement gained nothing (measured in docs/scaling.md).
 */
const MAX_VALUES_PER_STATEMENT = 999;

function prepareInsert(database: Database.Database, table: string, columns: readonly string[], rowsPerStatement = 1) {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return database.prepare(`INSERT INTO "${table}" (${quoted(columns)}) VALUES ${Array(rowsPerStatement).fill(row).join(", ")}`);
}

export function insertSqliteRows(database: Database.Database, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): number {
  const width = columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / width));
  const insert = prepareInsert(database, table, columns, perStatement);
  const values = new Array<unknown>(perStatement * width);
  let filled = 0;
  let inserted = 0;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`insert into ${table}: a row has ${row.length} values for ${width} columns`);
    for (let c = 0; c < width; c++) values[filled * width + c] = sqliteValue(row[c]);
    if (++filled < perStatement) continue;
    inserted += insert.run(values).changes;
    filled = 0;
  }
  if (filled > 0) inserted += prepareInsert(database, table, columns, filled).run(values.slice(0, filled * width)).changes;
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
