/**
 * The driver adapter for a database target. SQLite runs in WAL mode so the web process
 * and a worker process can share one file; a busy timeout rides out the other's writes.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PostgresAdapter } from "./postgresAdapter";
import { createPrivateFile } from "./privateFile";
import type { DatabaseTarget } from "./provider";

export function createAdapterFactory(target: DatabaseTarget) {
  if (target.provider === "postgresql") return new PostgresAdapter({ connectionString: target.url });
  createPrivateFile(target.filePath);
  enableWal(target.filePath);
  return new PrismaBetterSQLite3({ url: `file:${target.filePath}`, timeout: 10_000 });
}

/** WAL is a property of the file, so setting it once per open is enough and cheap. */
function enableWal(filePath: string): void {
  const db = new Database(filePath);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
