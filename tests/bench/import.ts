/**
 * `npm run bench:import` — wall time of importing the real marketing file and a 100,000-row
 * synthetic file (and re-importing it unchanged) on a fresh SQLite file and a fresh
 * PostgreSQL database (TEST_POSTGRES_URL, default the local server); then the peak memory
 * (RSS and JS heap, sampled every 50 ms) of importing a 150 MB order file of short rows into
 * SQLite under a 512 MB heap. `npm run bench:import -- --memory-only` runs just the last.
 * Each run has its own process, since the database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const SYNTHETIC_ROWS = 100_000;

const MEMORY_FILE_BYTES = 150 * 1024 * 1024;
const HEAP_CEILING_MB = 512;

if (process.argv[2] === "--provider") await runOne(process.argv[3] as "sqlite" | "postgresql", process.argv[4]);
else if (process.argv[2] === "--memory") await runMemory(process.argv[3]);
else await runAll(process.argv.includes("--memory-only"));

async function runAll(memoryOnly: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    if (!memoryOnly) timeProviders(dir);
    const { writeShortOrderFile } = await import("../support/shortOrderRows");
    const file = path.join(dir, "short-orders-150mb.csv");
    const rows = await writeShortOrderFile(file, MEMORY_FILE_BYTES);
    console.log(`memory: ${rows.toLocaleString("en-US")} short order rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`);
    // Under the integration test's heap ceiling: without one V8 lets garbage pile up, and the peak says little.
    const env = { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CEILING_MB}` };
    execFileSync("npx", ["tsx", "--conditions", "react-server", "tests/bench/import.ts", "--memory", file], { stdio: "inherit", env });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function timeProviders(dir: string): void {
  const synthetic = path.join(dir, "synthetic-100k.csv");
  execFileSync("npx", ["tsx", "lib/cli/generate.ts", "--rows", String(SYNTHETIC_ROWS), "--out", synthetic, "--seed", "11"], { stdio: "inherit" });
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  for (const provider of ["sqlite", "postgresql"]) {
    execFileSync("npx", ["tsx", "--conditions", "react-server", "tests/bench/import.ts", "--provider", provider, synthetic], { stdio: "inherit" });
  }
}

async function runMemory(file: string): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase("sqlite");
  process.env.DATABASE_URL = database.url;
  const { importFile } = await import("@/lib/services/importFile");
  const { db } = await import("@/lib/db/internal/client");
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
  };
  const timer = setInterval(sample, 50);
  try {
    const started = performance.now();
    const summary = await importFile({ kind: "orders", source: file, fileName: path.basename(file), userId: null });
    sample();
    const seconds = (performance.now() - started) / 1000;
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `memory: ${summary.status} ${summary.rowsInserted.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s ` +
        `(heap ceiling ${
          process.execArgv
            .concat(process.env.NODE_OPTIONS ?? "")
            .join(" ")
            .match(/max-old-space-size=(\d+)/)?.[1] ?? "default"
        } MB); ` +
        `peak RSS ${mb(peak.rss)}, peak JS heap used ${mb(peak.heap)}`,
    );
  } finally {
    clearInterval(timer);
    await db.$disconnect();
    await database.drop();
  }
}

async function runOne(provider: "sqlite" | "postgresql", synthetic: string): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { importFile } = await import("@/lib/services/importFile");
  const { db } = await import("@/lib/db/internal/client");
  try {
    for (const [label, file] of [
      ["real file (2,240 rows)", REAL_FILE],
      ["synthetic 100,000 rows", synthetic],
      ["synthetic again (unchanged)", synthetic],
    ] as const) {
      const started = performance.now();
      const summary = await importFile({ kind: "customers", source: file, fileName: path.basename(file), userId: null, allowRejected: true });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${provider.padEnd(10)} ${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ` +
          `(${summary.rowsInserted} new, ${summary.rowsUnchanged} unchanged, ${summary.rowsRejected} rejected)`,
      );
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
