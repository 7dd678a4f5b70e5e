/**
 * Real databases for integration tests: a fresh SQLite file, or a fresh PostgreSQL
 * database created on TEST_POSTGRES_URL's server and dropped afterwards. Without
 * TEST_POSTGRES_URL the PostgreSQL suites say they are skipped — except under CI=true,
 * where a missing server is a failure, never a skip.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { databaseTarget } from "@/lib/db/internal/provider";

export type TestProvider = "sqlite" | "postgresql";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function postgresAvailable(): boolean {
  if (process.env.TEST_POSTGRES_URL) return true;
  if (process.env.CI === "true") throw new Error("CI=true but TEST_POSTGRES_URL is not set: the PostgreSQL tests must run in CI");
  console.warn("TEST_POSTGRES_URL is not set: skipping the PostgreSQL integration tests");
  return false;
}

export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  const name = `segment_studio_test_${randomBytes(5).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-studio-"));
    const url = `file:${path.join(dir, `${name}.db`)}`;
    await deployMigrations(databaseTarget(url));
    return {
      url,
      drop: async () => {
        await closeReader();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await deployMigrations(databaseTarget(url.toString()));
  return {
    url: url.toString(),
    drop: async () => {
      await closeReader();
      await dropPostgresDatabase(url.toString());
    },
  };
}

/** The raw reader (lib/db/internal/rawReader.ts) keeps its connection to the database it read last: closed before that database goes. */
async function closeReader(): Promise<void> {
  await (await import("@/lib/db/internal/rawReader")).closeRawReader();
}

/** Drops the database a URL names, on TEST_POSTGRES_URL's server, sessions and all. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(process.env.TEST_POSTGRES_URL!, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Points the app's database modules at a fresh database for one test file. lib/db/internal/client
 * reads DATABASE_URL once, at import, so modules under test must be imported after this.
 */
export async function useTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  return database;
}
