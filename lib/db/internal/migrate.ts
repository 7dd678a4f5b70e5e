/**
 * Applies prisma/<provider>/migrations in order, recording each in Prisma's own
 * `_prisma_migrations` table (same columns, same sha-256 checksum), so the Prisma CLI
 * sees the same history. We apply them ourselves because Prisma 6.19's migrate through
 * @prisma/adapter-pg fails on PostgreSQL's `name` type (prisma/orm#27403), and this way
 * tests can migrate a fresh database in-process in milliseconds.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createPrivateFile } from "./privateFile";
import { alignRunScoreTables } from "./runScoreSchema";
import type { DatabaseTarget } from "./provider";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const HISTORY_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

/** Prisma's own lock id, so our deploy and `prisma migrate deploy` never run at once. */
const PG_MIGRATION_LOCK = 72707369;

export function readMigrations(provider: DatabaseTarget["provider"], root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies the pending migrations; returns the names it applied. */
export async function deployMigrations(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  const migrations = readMigrations(target.provider, root);
  return target.provider === "sqlite" ? deploySqlite(target.filePath, migrations) : deployPostgres(target.url, migrations);
}

function pending(migrations: Migration[], applied: { migration_name: string; checksum: string }[]): Migration[] {
  const byName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  for (const migration of migrations) {
    const checksum = byName.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new Error(`migration ${migration.name} was edited after it was applied (checksum differs)`);
    }
  }
  return migrations.filter((migration) => !byName.has(migration.name));
}

function deploySqlite(filePath: string, migrations: Migration[]): string[] {
  createPrivateFile(filePath);
  const db = new Database(filePath, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(HISTORY_TABLE.sqlite);
    const apply = db.transaction(() => {
      const applied = db.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`).all() as {
        migration_name: string;
        checksum: string;
      }[];
      const todo = pending(migrations, applied);
      for (const migration of todo) {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES (?, ?, ?, current_timestamp, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
      }
      if (todo.length) alignRunScoreTables(db);
      return todo.map((migration) => migration.name);
    });
    return apply.immediate();
  } finally {
    db.close();
  }
}

async function deployPostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(HISTORY_TABLE.postgresql);
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const todo = pending(migrations, rows);
    for (const migration of todo) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    return todo.map((migration) => migration.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
