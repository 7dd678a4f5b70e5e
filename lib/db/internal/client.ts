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

const cache = globalThis as unknown as { segmentStudioDb?: Db };

export const db: Db = cache.segmentStudioDb ?? createDb();
if (process.env.NODE_ENV !== "production") cache.segmentStudioDb = db;
