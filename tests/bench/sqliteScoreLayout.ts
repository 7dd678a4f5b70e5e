/**
 * `npm run bench:score-layout [-- --customers N]` — how fast SQLite itself takes a run's score
 * rows, in the layout the app uses and in the one docs/scaling.md proposes, with nothing of the
 * app between: better-sqlite3 straight on a file made by the app's migrations and holding one
 * seeded run of N customers (default 1,000,000). On a copy of that file each time:
 * - shared: the rows as a second run into "CustomerScore", every index kept row by row, as
 *   writeScoresAhead does (SCORES_PER_TRANSACTION rows per transaction);
 * - per run: the rows into a table of the run's own, keyed by customer, then its score-order
 *   indexes built after (CREATE INDEX sorts once instead of placing each row at random).
 * Rows go in customer order, as a retrain hands them over.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { SQLITE_CACHE_KIB } from "@/lib/db/internal/adapter";

const { values } = parseArgs({ options: { customers: { type: "string" } } });
const CUSTOMERS = Number(values.customers ?? 1_000_000);
if (!Number.isInteger(CUSTOMERS) || CUSTOMERS < 1) throw new Error(`--customers takes a positive whole number (got ${values.customers})`);

const { createTestDatabase } = await import("../integration/support/databases");
const database = await createTestDatabase("sqlite");
const file = database.url.replace(/^file:/, "");
try {
  process.env.DATABASE_URL = database.url;
  const { seedScoredRun } = await import("../support/seedScoredRun");
  const { SCORES_PER_TRANSACTION } = await import("@/lib/db/scoresAhead");
  const { db } = await import("@/lib/db/internal/client");
  await seedScoredRun({ customers: CUSTOMERS });
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  fs.copyFileSync(file, `${file}.seeded`);

  const shared = timeOnCopy((sqlite, rows, columns) => {
    const insert = sqlite.prepare(`INSERT INTO "CustomerScore" (${quote(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
    const runAt = columns.indexOf("runId");
    inTransactions(sqlite, rows, SCORES_PER_TRANSACTION, (row) => {
      const values = row.slice();
      values[runAt] = 2;
      insert.run(values);
    });
  });
  const perRun = timeOnCopy((sqlite, rows, columns) => {
    const kept = columns.filter((column) => column !== "runId");
    sqlite.exec(
      `CREATE TABLE "CustomerScore_2" ("customerId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Customer" ("id") ON DELETE CASCADE, ${quote(kept.slice(1))})`,
    );
    const insert = sqlite.prepare(`INSERT INTO "CustomerScore_2" (${quote(kept)}) VALUES (${kept.map(() => "?").join(", ")})`);
    const at = kept.map((column) => columns.indexOf(column));
    inTransactions(sqlite, rows, SCORES_PER_TRANSACTION, (row) => insert.run(at.map((i) => row[i])));
    for (const indexed of [["segmentKey"], ["responseProbability", "customerId"], ["clv", "customerId"], ["pAlive", "customerId"]])
      sqlite.exec(`CREATE INDEX "CustomerScore_2_${indexed[0]}_idx" ON "CustomerScore_2" (${quote(indexed)})`);
  });
  const rate = (seconds: number) => `${seconds.toFixed(2)} s, ${Math.round(CUSTOMERS / seconds).toLocaleString("en-US")} rows/s`;
  console.log(`${CUSTOMERS.toLocaleString("en-US")} score rows into a file holding a run of as many, better-sqlite3 alone:`);
  console.log(`  shared table, indexes kept row by row (the app's): ${rate(shared)}`);
  console.log(`  a table of the run's own, indexed after:           ${rate(perRun)}`);
} finally {
  await database.drop();
}

/** Seconds `write` takes on a fresh copy of the seeded file, given the seeded run's rows. */
function timeOnCopy(write: (sqlite: Database.Database, rows: unknown[][], columns: string[]) => void): number {
  fs.copyFileSync(`${file}.seeded`, file);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    const read = sqlite.prepare(`SELECT * FROM "CustomerScore" WHERE "runId" = 1 ORDER BY "customerId"`).raw();
    const columns = read.columns().map((column) => column.name);
    const rows = read.all() as unknown[][];
    const seededRun = sqlite.prepare(`SELECT * FROM "ModelRun" WHERE "id" = 1`).get() as Record<string, unknown>;
    const runColumns = Object.keys(seededRun).filter((column) => column !== "id");
    sqlite
      .prepare(`INSERT INTO "ModelRun" ("id", ${quote(runColumns)}) VALUES (2, ${runColumns.map(() => "?").join(", ")})`)
      .run(runColumns.map((column) => seededRun[column]));
    const started = performance.now();
    write(sqlite, rows, columns);
    return (performance.now() - started) / 1000;
  } finally {
    sqlite.close();
  }
}

function inTransactions(sqlite: Database.Database, rows: unknown[][], size: number, insert: (row: unknown[]) => void): void {
  for (let start = 0; start < rows.length; start += size) sqlite.transaction(() => rows.slice(start, start + size).forEach(insert))();
}

function quote(columns: string[]): string {
  return columns.map((column) => `"${column}"`).join(", ");
}
