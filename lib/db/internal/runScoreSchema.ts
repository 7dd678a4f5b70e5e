/**
 * The shape of SQLite's tables of one run's scores (CustomerScore_<run>, scores/scoreTable.ts),
 * derived from CustomerScore's: the columns and indexes a run's table gets when a retrain creates
 * it, and, after migrations, what a migration added to CustomerScore added to the tables already
 * there (alignRunScoreTables). Without the second, a column added by a migration would be missing
 * from the active run's table, and every read of the run's scores naming it would fail.
 */
import type Database from "better-sqlite3";

export const SCORE_TABLE = "CustomerScore";
const RUN_TABLE = new RegExp(`^${SCORE_TABLE}_\\d+$`);

/** A column as `PRAGMA table_info` describes it. */
export interface SqliteColumn {
  name: string;
  type: string;
  notnull: number | bigint;
  dflt_value: string | null;
}

/** A column of run `runId`'s table: CustomerScore's, the customer as the row id, the run fixed. */
export function runColumnDefinition({ name, type, notnull, dflt_value }: SqliteColumn, runId: number): string {
  if (name === "customerId") return `"customerId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE`;
  // No foreign key to ModelRun: the run's rows go with its table (removeRunScores), and each deleted run would scan every run's table.
  if (name === "runId") return `"runId" INTEGER NOT NULL CHECK ("runId" = ${runId})`;
  return `"${name}" ${type}${Number(notnull) ? " NOT NULL" : ""}${dflt_value === null ? "" : ` DEFAULT ${dflt_value}`}`;
}

/**
 * One of CustomerScore's indexes, by its columns, on run table `table`: the leading run id moved
 * last (why: runScoreIndexes in scores/scoreTable.ts). Null for the index on the customer alone,
 * which is the row id there.
 */
export function runIndexOf(table: string, columns: readonly string[]): { name: string; sql: string } | null {
  if (columns.length === 1 && columns[0] === "customerId") return null;
  const ordered = columns[0] === "runId" ? [...columns.slice(1), "runId"] : [...columns];
  const name = `${table}_${ordered.join("_")}_idx`;
  return { name, sql: `CREATE INDEX "${name}" ON "${table}" (${ordered.map((column) => `"${column}"`).join(", ")})` };
}

/** The SQL that reads CustomerScore's own indexes (not its primary key) and, per index, its columns in order. */
export const SCORE_INDEXES_SQL = `SELECT "name" FROM pragma_index_list(?) WHERE "origin" = 'c'`;
export const INDEX_COLUMNS_SQL = `SELECT "name" FROM pragma_index_info(?) ORDER BY "seqno"`;

/**
 * Adds to every run table the columns and indexes CustomerScore has and it lacks, on `db` inside
 * the caller's transaction (deploySqlite runs it with the migrations it applied, so a failure
 * here undoes them). Returns what it added, as "table.column" and index names.
 */
export function alignRunScoreTables(db: Database.Database): string[] {
  const runTables = (db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`).all() as { name: string }[])
    .filter(({ name }) => RUN_TABLE.test(name))
    .map(({ name }) => ({ name, runId: Number(name.slice(SCORE_TABLE.length + 1)) }));
  if (!runTables.length) return [];
  const columns = db.prepare(`PRAGMA table_info("${SCORE_TABLE}")`).all() as SqliteColumn[];
  const indexes = (db.prepare(SCORE_INDEXES_SQL).all(SCORE_TABLE) as { name: string }[]).map(({ name }) =>
    (db.prepare(INDEX_COLUMNS_SQL).all(name) as { name: string }[]).map((column) => column.name),
  );
  const existing = new Set((db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'index'`).all() as { name: string }[]).map(({ name }) => name));
  const added: string[] = [];
  for (const { name: table, runId } of runTables) {
    const present = new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as SqliteColumn[]).map((column) => column.name));
    for (const column of columns.filter((candidate) => !present.has(candidate.name))) {
      if (Number(column.notnull) && column.dflt_value === null)
        throw new Error(
          `${SCORE_TABLE}'s column "${column.name}" is NOT NULL without a default, which SQLite cannot add to the existing run table ${table}: give it a default in the migration`,
        );
      db.exec(`ALTER TABLE "${table}" ADD COLUMN ${runColumnDefinition(column, runId)}`);
      added.push(`${table}.${column.name}`);
    }
    for (const index of indexes.map((indexColumns) => runIndexOf(table, indexColumns))) {
      if (!index || existing.has(index.name)) continue;
      db.exec(index.sql);
      added.push(index.name);
    }
  }
  return added;
}
