/**
 * `npm run bench:import` — wall time of importing the real marketing file and a 100,000-row
 * synthetic file with its ~1.7M order lines (profiles/s and order lines/s, each imported
 * again unchanged) on a fresh SQLite file and a fresh PostgreSQL database (TEST_POSTGRES_URL,
 * default the local server), after the time to read the files without writing; then the peak memory
 * (RSS and JS heap, sampled every 50 ms) of importing a 150 MB order file of short rows into
 * SQLite under a 512 MB heap. `npm run bench:import -- --memory-only` runs just the last;
 * `-- --rows N` generates N customers instead of 100,000.
 * Each run has its own process, since the database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const rowsFlag = process.argv.indexOf("--rows");
const SYNTHETIC_ROWS = rowsFlag > 0 ? Number(process.argv[rowsFlag + 1]) : 100_000;

const MEMORY_FILE_BYTES = 150 * 1024 * 1024;
const HEAP_CEILING_MB = 512;

if (process.argv[2] === "--provider") await runOne(process.argv[3] as "sqlite" | "postgresql", process.argv[4], process.argv[5]);
else if (process.argv[2] === "--read-only") await readOnly(process.argv[3], process.argv[4]);
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
  const synthetic = path.join(dir, "synthetic.csv");
  const orders = path.join(dir, "synthetic-orders.csv");
  const generate = ["tsx", "lib/cli/generate.ts", "--rows", String(SYNTHETIC_ROWS), "--out", synthetic, "--orders", orders, "--seed", "11"];
  execFileSync("npx", generate, { stdio: "inherit" });
  console.log(
    `${os.cpus().length} cores; load average (1 / 5 / 15 min): ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ")}`,
  );
  const script = ["tsx", "--conditions", "react-server", "tests/bench/import.ts"];
  execFileSync("npx", [...script, "--read-only", synthetic, orders], { stdio: "inherit" });
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  for (const provider of ["sqlite", "postgresql"]) {
    execFileSync("npx", [...script, "--provider", provider, synthetic, orders], { stdio: "inherit" });
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

/** Reading and validating the files (and keying the order lines) with nothing written: the ceiling for an import. */
async function readOnly(customers: string, orders: string): Promise<void> {
  const { openCustomers, openOrders } = await import("@/lib/import");
  const { OrderLineKeys } = await import("@/lib/db/imports/orders");
  let started = start();
  const profiles = await (await openCustomers({ path: customers })).read(() => {});
  report("read only", "profiles", profiles.rowsRead, started);
  started = start();
  const keys = new OrderLineKeys();
  const lines = await (await openOrders({ path: orders })).read((chunk) => chunk.records.forEach((record) => keys.next(record)));
  report("read only", "order lines", lines.rowsRead, started);
}

/**
 * Wall time and rows/s, and this process's CPU time: on a shared machine the wall time says
 * more about the neighbours, the CPU time (not counting PostgreSQL's own) about the import.
 */
function report(provider: string, label: string, rows: number, started: { wall: number; cpu: NodeJS.CpuUsage }, detail = ""): void {
  const seconds = (performance.now() - started.wall) / 1000;
  const cpu = process.cpuUsage(started.cpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perSecond = Math.round(rows / seconds).toLocaleString("en-US");
  console.log(
    `${provider.padEnd(10)} ${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ${perSecond.padStart(9)} rows/s  ` +
      `(process CPU ${cpuSeconds.toFixed(2)} s: ${Math.round(rows / cpuSeconds).toLocaleString("en-US")} rows per CPU second)  ${detail}`,
  );
}

function start(): { wall: number; cpu: NodeJS.CpuUsage } {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

async function runOne(provider: "sqlite" | "postgresql", synthetic: string, orders: string): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { importFile } = await import("@/lib/services/importFile");
  const { db } = await import("@/lib/db/internal/client");
  try {
    for (const [label, kind, file] of [
      ["real file (2,240 profiles)", "customers", REAL_FILE],
      [`synthetic profiles`, "customers", synthetic],
      ["synthetic profiles again", "customers", synthetic],
      [`synthetic order lines`, "orders", orders],
      ["synthetic order lines again", "orders", orders],
    ] as const) {
      const started = start();
      const summary = await importFile({ kind, source: file, fileName: path.basename(file), userId: null, allowRejected: true });
      const detail = `(${summary.rowsInserted} new, ${summary.rowsUpdated} updated, ${summary.rowsUnchanged} unchanged, ${summary.rowsRejected} rejected)`;
      report(provider, label, summary.rowsRead, started, detail);
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
