/**
 * The driver adapter for a database target. SQLite runs in WAL mode so the web process
 * and a worker process can share one file; a busy timeout rides out the other's writes.
 * Its one better-sqlite3 connection is registered so bulk writes can reach it (transactionConnection.ts).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PostgresAdapter } from "./postgresAdapter";
import { createPrivateFile } from "./privateFile";
import type { DatabaseTarget } from "./provider";
import { registerSqliteDatabase } from "./transactionConnection";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** Page cache of the one connection, in KiB (SQLite's default is 2 MB): a bulk write past it spills pages mid-transaction. */
export const SQLITE_CACHE_KIB = 64 * 1024;

/** The adapter holds its connection in `client`, used for every query and transaction alike. */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqliteAdapter> {
    const adapter = await super.connect();
    const database = (adapter as unknown as { client: Database.Database }).client;
    database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    const forget = registerSqliteDatabase(database);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      forget();
      await dispose();
    };
    return adapter;
  }
}

export function createAdapterFactory(target: DatabaseTarget) {
  if (target.provider === "postgresql") return new PostgresAdapter({ connectionString: target.url });
  createPrivateFile(target.filePath);
  enableWal(target.filePath);
  return new SqliteAdapterFactory({ url: `file:${target.filePath}`, timeout: 10_000 });
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
