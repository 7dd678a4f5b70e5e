/**
 * The one Prisma client. Both providers' generated clients have the same models and API;
 * the SQLite one's types stand for both. Cached on globalThis so Next.js hot reload does
 * not open a connection per edit.
 */
import "server-only";
import { PrismaClient as SqliteClient } from "../generated/sqlite";
import { PrismaClient as PostgresClient } from "../generated/postgresql";
import { createAdapterFactory } from "./adapter";
import { databaseTarget, type DatabaseTarget } from "./provider";

export type Db = SqliteClient;
export * from "../generated/sqlite";

export function createDb(target: DatabaseTarget = databaseTarget(), adapter = createAdapterFactory(target)): Db {
  if (target.provider === "postgresql") return new PostgresClient({ adapter }) as unknown as Db;
  return new SqliteClient({ adapter });
}

/**
 * For interactive transactions that write in bulk (imports, a run's outcome, a reset): Prisma's
 * 5-second default would end them midway. The ceiling only stops a transaction that hangs.
 */
export const BULK_TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

const cache = globalThis as unknown as { segmentStudioDb?: Db };

export const db: Db = cache.segmentStudioDb ?? createDb();
if (process.env.NODE_ENV !== "production") cache.segmentStudioDb = db;
