/**
 * A read-only connection straight through the database driver, for bulk reads: rawReader.ts
 * keeps one per process, and an export's worker threads (lib/export/csvPageWorker.ts) open their
 * own, so this module imports nothing that only the server may. SQL is written with `?`
 * placeholders; PostgreSQL's $n are substituted here, the one dialect difference involved.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./provider";

const TIMESTAMP_WITHOUT_ZONE = 1114;

/** Rows as arrays in the select list's order: cheaper than an object per row. */
export type RawReader = { read: (sql: string, params: unknown[]) => Promise<unknown[][]>; close: () => Promise<void> };

export function openRawReader(target: DatabaseTarget): RawReader {
  if (target.provider === "sqlite") {
    const sqlite = new Database(target.filePath, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 10000");
    return {
      read: async (sql, params) =>
        sqlite
          .prepare(sql)
          .raw(true)
          .all(...params) as unknown[][],
      close: async () => void sqlite.close(),
    };
  }
  // TIMESTAMP(3) columns hold UTC without a zone; pg would read them in the server's local
  // zone (a day early east of UTC), so they are handed on as text, like SQLite's.
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP_WITHOUT_ZONE ? (value: string) => value : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: target.url, max: 4, types: types as pg.CustomTypesConfig });
  // An idle connection the server closes (restart, dropped database) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.warn(`export reader: idle PostgreSQL connection lost: ${error.message}`));
  return {
    read: async (sql, params) => {
      let index = 0;
      return (await pool.query({ text: sql.replace(/\?/g, () => `$${++index}`), values: params, rowMode: "array" })).rows;
    },
    close: () => pool.end(),
  };
}
