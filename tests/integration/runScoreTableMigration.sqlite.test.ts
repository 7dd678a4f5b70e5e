/**
 * A migration that adds a column or an index to CustomerScore adds it to SQLite's tables of one
 * run's scores (CustomerScore_<run>) in the same transaction (lib/db/internal/runScoreSchema.ts):
 * the active run's scores stay readable with the new column, and a migration SQLite cannot carry
 * over to them is refused whole.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { databaseTarget, type DatabaseTarget } from "@/lib/db/internal/provider";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const CUSTOMERS = 300;

let database: TestDatabase;
let target: Extract<DatabaseTarget, { provider: "sqlite" }>;
let runId: number;
let root: string;

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  const parsed = databaseTarget(database.url);
  if (parsed.provider !== "sqlite") throw new Error("this test needs a SQLite file");
  target = parsed;
  ({ runId } = await (await import("../support/seedScoredRun")).seedScoredRun({ customers: CUSTOMERS }));
  root = fs.mkdtempSync(path.join(os.tmpdir(), "segment-studio-migrations-"));
  fs.cpSync(path.resolve("prisma/sqlite/migrations"), path.join(root, "prisma/sqlite/migrations"), { recursive: true });
}, 60_000);

afterAll(async () => {
  await (await import("@/lib/db/internal/client")).db.$disconnect();
  await database.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

function addMigration(name: string, sql: string): void {
  const dir = path.join(root, "prisma/sqlite/migrations", name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
}

function inspect<T>(read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(target.filePath, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

const runTable = () => `CustomerScore_${runId}`;
const columnsOf = (table: string) =>
  inspect((sqlite) => sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null }[]);
const indexesOf = (table: string) =>
  inspect((sqlite) =>
    (sqlite.prepare(`SELECT "name" FROM pragma_index_list(?) WHERE "origin" = 'c' ORDER BY "name"`).all(table) as { name: string }[]).map(({ name }) => name),
  );

test("the seeded run keeps its scores in a table of its own, without the columns a later migration adds", () => {
  expect(columnsOf(runTable()).map((column) => column.name)).not.toContain("upliftScore");
  expect(inspect((sqlite) => sqlite.prepare(`SELECT COUNT(*) AS n FROM "${runTable()}"`).get())).toEqual({ n: CUSTOMERS });
});

test("a migration's new columns and index reach the run's table, and its scores read with them", async () => {
  const before = inspect((sqlite) => sqlite.prepare(`SELECT "customerId", "segmentKey", "clv" FROM "${runTable()}" ORDER BY "customerId"`).all());
  addMigration(
    "29990101000000_uplift",
    `ALTER TABLE "CustomerScore" ADD COLUMN "upliftScore" REAL;
ALTER TABLE "CustomerScore" ADD COLUMN "upliftModel" TEXT NOT NULL DEFAULT 'none';
CREATE INDEX "CustomerScore_runId_upliftScore_idx" ON "CustomerScore"("runId", "upliftScore");`,
  );

  expect(await deployMigrations(target, root)).toEqual(["29990101000000_uplift"]);

  const added = columnsOf(runTable()).filter((column) => column.name.startsWith("uplift"));
  expect(added).toEqual([
    expect.objectContaining({ name: "upliftScore", type: "REAL", notnull: 0, dflt_value: null }),
    expect.objectContaining({ name: "upliftModel", type: "TEXT", notnull: 1, dflt_value: "'none'" }),
  ]);
  expect(indexesOf(runTable())).toContain(`${runTable()}_upliftScore_runId_idx`);
  expect(inspect((sqlite) => sqlite.prepare(`SELECT "customerId", "segmentKey", "clv" FROM "${runTable()}" ORDER BY "customerId"`).all())).toEqual(before);

  const { readRunScores } = await import("@/lib/db/scores/scoreTable");
  const rows = await readRunScores(runId, (table) => `SELECT s."upliftScore", s."upliftModel" FROM ${table} s WHERE s."runId" = ? ORDER BY s."upliftScore"`, [
    runId,
  ]);
  expect(rows).toHaveLength(CUSTOMERS);
  expect(new Set(rows.map(([score, model]) => `${score}/${model}`))).toEqual(new Set(["null/none"]));
  const plan = inspect((sqlite) =>
    (
      sqlite.prepare(`EXPLAIN QUERY PLAN SELECT "customerId" FROM "${runTable()}" s WHERE s."runId" = ? ORDER BY s."upliftScore"`).all(runId) as {
        detail: string;
      }[]
    )
      .map((step) => step.detail)
      .join("; "),
  );
  expect(plan).toContain(`${runTable()}_upliftScore_runId_idx`);

  expect(await deployMigrations(target, root)).toEqual([]);
});

test("a NOT NULL column without a default, which SQLite cannot add to a run's table, refuses the whole migration", async () => {
  addMigration(
    "29990102000000_required_column",
    // The shape of Prisma's table rebuild, cut short: a new table with the column, the old one dropped.
    `CREATE TABLE "new_CustomerScore" ("runId" INTEGER NOT NULL, "customerId" INTEGER NOT NULL, "segmentKey" INTEGER NOT NULL, "channelCount" INTEGER NOT NULL, PRIMARY KEY ("runId", "customerId"));
DROP TABLE "CustomerScore";
ALTER TABLE "new_CustomerScore" RENAME TO "CustomerScore";`,
  );

  await expect(deployMigrations(target, root)).rejects.toThrow(
    `CustomerScore's column "channelCount" is NOT NULL without a default, which SQLite cannot add to the existing run table ${runTable()}: give it a default in the migration`,
  );

  const applied = inspect((sqlite) =>
    (sqlite.prepare(`SELECT "migration_name" FROM "_prisma_migrations"`).all() as { migration_name: string }[]).map((row) => row.migration_name),
  );
  expect(applied).not.toContain("29990102000000_required_column");
  expect(columnsOf("CustomerScore").map((column) => column.name)).toContain("upliftScore");
  expect(columnsOf("CustomerScore").map((column) => column.name)).not.toContain("channelCount");
  fs.rmSync(path.join(root, "prisma/sqlite/migrations/29990102000000_required_column"), { recursive: true });
});
