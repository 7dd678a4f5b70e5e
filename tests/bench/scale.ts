/**
 * `npm run bench:scale -- --customers N[,N…] [--orders-per-customer M] [--db sqlite|postgresql|both] [--seed S]`
 *
 * The whole path at a retailer's size: generate N synthetic customers with about M order lines
 * each (20 by default; 0 for profiles only), import both files into a fresh database, retrain
 * twice (the second measures drift and stability against the first), read the scored
 * customers as the export does, twice, then write the export's whole CSV file twice (in two
 * worker threads from 200,000 customers, lib/export/csvPages.ts). Each stage prints its wall time, rows per second, peak
 * resident memory and how busy the machine was, next to the issue's targets.
 *
 * Every size's result is kept in data/bench/ (per database and M), so runs at 10,000, 100,000
 * and 1,000,000 customers, together or apart, end with the growth exponent b of each stage
 * (time ∝ n^b, least squares over the sizes measured), which should stay at or below about 1.1.
 *
 * Each stage runs in a process started as the one that runs it in use: imports and exports
 * with Node's own settings, as `npm start` (the upload and export routes) and `npm run import`
 * run them; retrains with the job process's flags (jobs/jobProcessFlags.ts). So a database gets
 * three child processes in turn, which also keeps lib/db's DATABASE_URL, bound at import, theirs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { describeTargets, type StageResult, type SizeResult } from "./scaleTargets";
import { meter } from "./scaleMeter";
import { printExponents, printSize } from "./scaleReport";
import { jobProcessFlags, TSX_LOADER } from "@/jobs/jobProcessFlags";

const RESULTS_DIR = path.resolve("data/bench");
/** Lines per customer the generator writes at its default purchase rate, measured on 20,000 customers (seed 11). */
const DEFAULT_LINES_PER_CUSTOMER = 17.1;

/** The processes a database's stages run in, in order; each reads what the one before left in the database. */
const PHASES = ["import", "retrain", "export"] as const;
type Phase = (typeof PHASES)[number];

if (process.argv[2] === "--child") await runChild(JSON.parse(process.argv[3]!) as ChildTask);
else await runParent();

interface ChildTask {
  phase: Phase;
  db: "sqlite" | "postgresql";
  databaseUrl: string;
  customers: number;
  customersFile: string;
  ordersFile: string | null;
  orderLines: number;
  resultFile: string;
}

async function runParent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: "string" },
      "orders-per-customer": { type: "string", default: "20" },
      db: { type: "string", default: "both" },
      seed: { type: "string", default: "11" },
    },
  });
  const options = z
    .object({
      customers: z.array(z.coerce.number().int().min(100).max(10_000_000)).min(1),
      ordersPerCustomer: z.coerce.number().min(0).max(200),
      db: z.enum(["sqlite", "postgresql", "both"]),
      seed: z.coerce.number().int().min(0),
    })
    .safeParse({ customers: values.customers?.split(","), ordersPerCustomer: values["orders-per-customer"], db: values.db, seed: values.seed });
  if (!options.success) {
    console.error(
      "usage: npm run bench:scale -- --customers N[,N…] [--orders-per-customer M] [--db sqlite|postgresql|both] [--seed S]\n" +
        options.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"),
    );
    process.exit(2);
  }
  const { customers: sizes, ordersPerCustomer, db, seed } = options.data;
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  const databases = db === "both" ? (["sqlite", "postgresql"] as const) : [db];
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${loadAverage()}`);
  console.log(describeTargets());
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const retrainHeapMb = (await import("@/lib/env")).env.RETRAIN_HEAP_MB;
  const { createTestDatabase } = await import("../integration/support/databases");
  for (const customers of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
    try {
      const generated = await generate(dir, customers, ordersPerCustomer, seed);
      for (const provider of databases) {
        const stages = [generated.stage];
        // A million customers' order lines are larger than the upload limit, which an administrator raises the same way.
        const env = { ...process.env, IMPORT_MAX_BYTES: String(largestFile(generated)) };
        const database = await createTestDatabase(provider);
        try {
          for (const phase of PHASES) {
            const resultFile = path.join(dir, `${provider}-${phase}.json`);
            const task: ChildTask = { phase, db: provider, databaseUrl: database.url, customers, ...generated, resultFile };
            // Imports and exports run as the server and `npm run import` run them: Node's own heap settings.
            const flags = phase === "retrain" ? jobProcessFlags(retrainHeapMb) : TSX_LOADER;
            execFileSync(process.execPath, [...flags, "tests/bench/scale.ts", "--child", JSON.stringify(task)], { stdio: "inherit", env });
            stages.push(...readStages(resultFile));
          }
        } finally {
          await database.drop();
        }
        const result: SizeResult = { db: provider, customers, orderLines: generated.orderLines, stages };
        printSize(result);
        const store = storeFile(provider, ordersPerCustomer);
        const kept = fs.existsSync(store) ? (JSON.parse(fs.readFileSync(store, "utf8")) as SizeResult[]) : [];
        const all = [...kept.filter((entry) => entry.customers !== customers), result].sort((a, b) => a.customers - b.customers);
        fs.writeFileSync(store, JSON.stringify(all, null, 1));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const provider of databases) {
    const store = storeFile(provider, ordersPerCustomer);
    printExponents(provider, JSON.parse(fs.readFileSync(store, "utf8")) as SizeResult[]);
  }
}

function largestFile(files: { customersFile: string; ordersFile: string | null }): number {
  return Math.max(...[files.customersFile, files.ordersFile].flatMap((file) => (file ? [fs.statSync(file).size] : [])));
}

function readStages(file: string): StageResult[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as StageResult[];
}

function storeFile(provider: string, ordersPerCustomer: number): string {
  return path.join(RESULTS_DIR, `scale-${provider}-${ordersPerCustomer}-lines.json`);
}

async function generate(dir: string, customers: number, ordersPerCustomer: number, seed: number) {
  const { writeSyntheticCsv } = await import("@/lib/data/syntheticCsv");
  const customersFile = path.join(dir, "customers.csv");
  const ordersFile = ordersPerCustomer > 0 ? path.join(dir, "orders.csv") : null;
  let orderLines = 0;
  const stage = await meter("generate", customers, "customers", async () => {
    ({ orderLines } = await writeSyntheticCsv({
      rows: customers,
      seed,
      customers: fs.createWriteStream(customersFile),
      orders: ordersFile ? fs.createWriteStream(ordersFile) : undefined,
      rateScale: ordersPerCustomer / DEFAULT_LINES_PER_CUSTOMER,
    }));
  });
  console.log(`\ngenerated ${customers.toLocaleString("en-US")} customers and ${orderLines.toLocaleString("en-US")} order lines`);
  return { customersFile, ordersFile, orderLines, stage };
}

async function runChild(task: ChildTask): Promise<void> {
  process.env.DATABASE_URL = task.databaseUrl;
  const { disconnectDatabase } = await import("@/lib/db/connection");
  const { closeRawReader } = await import("@/lib/db/internal/rawReader");
  const run = { import: importStages, retrain: retrainStages, export: exportStages }[task.phase];
  try {
    fs.writeFileSync(task.resultFile, JSON.stringify(await run(task)));
  } finally {
    await closeRawReader();
    await disconnectDatabase();
  }
}

function record(task: ChildTask, stage: StageResult): StageResult {
  console.log(`  ${task.db} ${stage.name}: ${stage.seconds.toFixed(1)} s, peak RSS ${(stage.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  return stage;
}

async function importStages(task: ChildTask): Promise<StageResult[]> {
  const { importFile } = await import("@/lib/services/importFile");
  const { getRetrainSchedule } = await import("@/lib/db/settings");
  // The server reads its retrain schedule when it starts (instrumentation.ts), and an upload
  // comes after a sign-in: its first import finds the database client open and warm.
  await getRetrainSchedule();
  const imported = async (kind: "customers" | "orders", source: string) => {
    const summary = await importFile({ kind, source, fileName: path.basename(source), userId: null });
    if (summary.status !== "SUCCEEDED") throw new Error(`the ${kind} import ended ${summary.status}: ${summary.error ?? "no reason given"}`);
  };
  const stages = [record(task, await meter("import profiles", task.customers, "rows", () => imported("customers", task.customersFile)))];
  const ordersFile = task.ordersFile;
  if (ordersFile) stages.push(record(task, await meter("import orders", task.orderLines, "lines", () => imported("orders", ordersFile))));
  return stages;
}

/** Two retrains: the second measures drift and stability against the first. */
async function retrainStages(task: ChildTask): Promise<StageResult[]> {
  const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
  const { db } = await import("@/lib/db/internal/client");
  const stages: StageResult[] = [];
  for (const n of [1, 2]) {
    let runId = 0;
    const stage = await meter(`retrain ${n}`, task.customers, "customers", async () => {
      const outcome = await runRetrain({ trigger: "CLI", requestedById: null });
      if (outcome.status === "FAILED") throw new Error(`retrain ${n} failed: ${outcome.reasons.join("; ")}`);
      runId = outcome.runId;
    });
    const run = await db.modelRun.findUniqueOrThrow({ where: { id: runId }, select: { timings: true } });
    stages.push(record(task, { ...stage, parts: run.timings as Record<string, number> }));
  }
  return stages;
}

/** The export of the latest run that succeeded, read as its page reads it, then written as its CSV file. */
async function exportStages(task: ChildTask): Promise<StageResult[]> {
  const { db } = await import("@/lib/db/internal/client");
  const { scoredCustomerPages } = await import("@/lib/db/scores/export");
  const { customerCsvPages } = await import("@/lib/export/csvPages");
  const { id: runId } = await db.modelRun.findFirstOrThrow({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" }, select: { id: true } });
  const stages: StageResult[] = [];
  for (const n of [1, 2]) {
    const stage = await meter(`export read ${n}`, task.customers, "rows", async () => {
      let rows = 0;
      for await (const page of scoredCustomerPages({ filter: { runId } })) rows += page.length;
      if (rows !== task.customers) throw new Error(`the export read ${rows} rows of ${task.customers}`);
    });
    stages.push(record(task, stage));
  }
  const segments = await db.segmentProfile.findMany({ where: { runId }, select: { segmentKey: true, name: true } });
  const format = { names: segments.map((segment): [number, string] => [segment.segmentKey, segment.name]), control: null };
  for (const n of [1, 2]) {
    const stage = await meter(`export file ${n}`, task.customers, "rows", async () => {
      let lines = 0;
      for await (const page of customerCsvPages({ filter: { runId } }, format)) lines += countLines(page);
      if (lines !== task.customers) throw new Error(`the export wrote ${lines} lines of ${task.customers}`);
    });
    stages.push(record(task, stage));
  }
  return stages;
}

/** Line ends in a page of CSV, as text or bytes (a quoted cell may hold a line break: the bench's data has none). */
function countLines(page: string | Uint8Array): number {
  let count = 0;
  if (typeof page === "string") for (let at = page.indexOf("\n"); at !== -1; at = page.indexOf("\n", at + 1)) count++;
  else for (let at = page.indexOf(10); at !== -1; at = page.indexOf(10, at + 1)) count++;
  return count;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}
