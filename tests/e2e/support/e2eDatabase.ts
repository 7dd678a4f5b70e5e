/**
 * The e2e server's SQLite file, as the specs reach it: read directly (read-only), or through
 * one of the project's scripts run as the server runs its code (tsx, react-server condition).
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";

export const E2E_DATABASE_FILE = "data/e2e.db";
export const E2E_DATABASE_URL = `file:./${E2E_DATABASE_FILE}`;

export function readDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(E2E_DATABASE_FILE, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/** The quoted table that holds run `runId`'s scores: a table of its own, or the shared one for runs written before (lib/db/scores/scoreTable.ts). */
export function scoreTableOf(runId: number): string {
  const own = `CustomerScore_${runId}`;
  return `"${readDatabase(`SELECT 1 FROM sqlite_master WHERE "type" = 'table' AND "name" = ?`, own).length ? own : "CustomerScore"}"`;
}

/** The script's stdout; against the e2e database unless `databaseUrl` names another. */
export function runScript(file: string, args: string[] = [], databaseUrl = E2E_DATABASE_URL): string {
  return execFileSync("node_modules/.bin/tsx", ["--conditions", "react-server", file, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}
