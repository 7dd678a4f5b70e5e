/**
 * `npm run bench:score-layout [-- --customers N]` — how fast SQLite itself takes a run's score
 * rows, in the layout the app used before and in the one it uses (lib/db/scores/scoreTable.ts),
 * with nothing of the app between: better-sqlite3 straight on a file made by the app's migrations
 * and holding one seeded run of N customers (default 1,000,000). On a copy of that file each time:
 * - shared: the rows as a second run into "CustomerScore", every index kept row by row
 *   (SCORES_PER_TRANSACTION rows per transaction);
 * - per run: the rows into a table of the run's own, keyed by customer, then its score-order
 *   indexes built after (CREATE INDEX sorts once instead of placing each row at random).
 * Rows go in customer order, as a retrain hands them over, with the fingerprint and historical
 * CLV a retrain stores and a seeded run leaves empty. Each layout runs twice, and the longest
 * transaction or statement (each holds the file's write lock) is printed with it.
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
  const { seedScoredRun, retrainOnlyFields } = await import("../support/seedScoredRun");
  const { SCORES_PER_TRANSACTION } = await import("@/lib/db/scoresAhead");
  const { db } = await import("@/lib/db/internal/client");
  await seedScoredRun({ customers: CUSTOMERS });
  // The seeded run's rows moved to the shared table, where the layout before kept every run's.
  await db.$executeRawUnsafe(`INSERT INTO "CustomerScore" SELECT * FROM "CustomerScore_1"`);
  await db.$executeRawUnsafe(`DROP TABLE "CustomerScore_1"`);
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  fs.copyFileSync(file, `${file}.seeded`);
  const seeded = readSeeded(retrainOnlyFields);

  // Each layout twice, in the order A B B A, so neither is always first on a cold file.
  const timings = { shared: [] as Timing[], perRun: [] as Timing[] };
  for (const layout of ["shared", "perRun", "perRun", "shared"] as const)
    timings[layout].push(timeOnCopy(seeded, layout === "shared" ? writeShared(SCORES_PER_TRANSACTION) : writePerRun(SCORES_PER_TRANSACTION)));
  const report = (runs: Timing[]) =>
    runs
      .map(
        ({ seconds, longest }) =>
          `${seconds.toFixed(2)} s (${Math.round(CUSTOMERS / seconds).toLocaleString("en-US")} rows/s, the longest hold of the lock ${longest.toFixed(2)} s)`,
      )
      .join("; ");
  console.log(`${CUSTOMERS.toLocaleString("en-US")} score rows into a file holding a run of as many, better-sqlite3 alone, twice each:`);
  console.log(`  shared table, indexes kept row by row (before):     ${report(timings.shared)}`);
  console.log(`  a table of the run's own, indexed after (the app's): ${report(timings.perRun)}`);
} finally {
  await database.drop();
}

interface Timing {
  seconds: number;
  /** The longest transaction or statement, each of which holds the file's write lock. */
  longest: number;
}

type Write = (sqlite: Database.Database, rows: unknown[][], columns: string[]) => number;

/** As writeScoresAhead does: transactions of `size` rows, each kept in every index as it goes. */
function writeShared(size: number): Write {
  return (sqlite, rows, columns) => {
    const insert = sqlite.prepare(`INSERT INTO "CustomerScore" (${quote(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
    const runAt = columns.indexOf("runId");
    return inTransactions(sqlite, rows, size, (row) => {
      const values = row.slice();
      values[runAt] = 2;
      insert.run(values);
    });
  };
}

/** The run's own table as lib/db/scores/scoreTable.ts makes it: CustomerScore's columns, the customer the row id; then the shared table's other indexes with their run id last. */
function writePerRun(size: number): Write {
  return (sqlite, rows, columns) => {
    const info = sqlite.prepare(`PRAGMA table_info("CustomerScore")`).all() as { name: string; type: string; notnull: number }[];
    const definitions = info.map(({ name, type, notnull }) => {
      if (name === "customerId") return `"customerId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE`;
      if (name === "runId") return `"runId" INTEGER NOT NULL CHECK ("runId" = 2)`;
      return `"${name}" ${type}${notnull ? " NOT NULL" : ""}`;
    });
    sqlite.exec(`CREATE TABLE "CustomerScore_2" (${definitions.join(", ")})`);
    const insert = sqlite.prepare(`INSERT INTO "CustomerScore_2" (${quote(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
    const runAt = columns.indexOf("runId");
    let longest = inTransactions(sqlite, rows, size, (row) => {
      const values = row.slice();
      values[runAt] = 2;
      insert.run(values);
    });
    for (const indexed of [["segmentKey"], ["responseProbability", "customerId"], ["clv", "customerId"], ["pAlive", "customerId"]]) {
      const started = performance.now();
      sqlite.exec(`CREATE INDEX "CustomerScore_2_${indexed.join("_")}_runId_idx" ON "CustomerScore_2" (${quote([...indexed, "runId"])})`);
      longest = Math.max(longest, (performance.now() - started) / 1000);
    }
    return longest;
  };
}

interface Seeded {
  columns: string[];
  /** The seeded run's rows in customer order, with what a retrain stores besides. */
  rows: unknown[][];
  run: Record<string, unknown>;
}

function readSeeded(retrainOnlyFields: (customerId: number, clv: number | null) => { inputHash: string; historicalClv: number | null }): Seeded {
  const sqlite = new Database(`${file}.seeded`, { readonly: true });
  try {
    const read = sqlite.prepare(`SELECT * FROM "CustomerScore" WHERE "runId" = 1 ORDER BY "customerId"`).raw();
    const columns = read.columns().map((column) => column.name);
    const rows = read.all() as unknown[][];
    const [customerAt, clvAt, hashAt, historicalAt] = ["customerId", "clv", "inputHash", "historicalClv"].map((column) => columns.indexOf(column));
    for (const row of rows) {
      const { inputHash, historicalClv } = retrainOnlyFields(row[customerAt] as number, row[clvAt] as number | null);
      row[hashAt] = inputHash;
      row[historicalAt] = historicalClv;
    }
    const run = sqlite.prepare(`SELECT * FROM "ModelRun" WHERE "id" = 1`).get() as Record<string, unknown>;
    return { columns, rows, run };
  } finally {
    sqlite.close();
  }
}

/** Times `write` on a fresh copy of the seeded file, with the seeded run copied as run 2, the run being written. */
function timeOnCopy({ columns, rows, run }: Seeded, write: Write): Timing {
  fs.copyFileSync(`${file}.seeded`, file);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    const runColumns = Object.keys(run).filter((column) => column !== "id");
    sqlite
      .prepare(`INSERT INTO "ModelRun" ("id", ${quote(runColumns)}) VALUES (2, ${runColumns.map(() => "?").join(", ")})`)
      .run(runColumns.map((column) => run[column]));
    const started = performance.now();
    const longest = write(sqlite, rows, columns);
    return { seconds: (performance.now() - started) / 1000, longest };
  } finally {
    sqlite.close();
  }
}

/** Returns the longest transaction, in seconds. */
function inTransactions(sqlite: Database.Database, rows: unknown[][], size: number, insert: (row: unknown[]) => void): number {
  let longest = 0;
  for (let start = 0; start < rows.length; start += size) {
    const started = performance.now();
    sqlite.transaction(() => rows.slice(start, start + size).forEach(insert))();
    longest = Math.max(longest, (performance.now() - started) / 1000);
  }
  return longest;
}

function quote(columns: string[]): string {
  return columns.map((column) => `"${column}"`).join(", ");
}
