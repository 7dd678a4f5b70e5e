/**
 * `npm run bench:lock [-- --customers N]` — how long the web server's writes wait on SQLite's
 * write lock while a retrain runs beside it. The API's rate-limit draws write to the database, and
 * better-sqlite3 waits for the lock on the calling thread: a web server waiting on it answers
 * nobody. So every stretch the retrain's job process holds the lock is a stall of the whole server.
 *
 * Trains a first run on the real file (or N synthetic customers), then starts a retrain in its own
 * process, as the admin page does, and draws from a rate bucket every 5 ms until it ends. Prints
 * each draw that waited 20 ms or more or failed, beside the job's stages as they came, and the longest wait.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { createTestDatabase } from "@/tests/integration/support/databases";
import { spawnRetrain, type RetrainProcess } from "@/tests/integration/support/retrainProcess";

const { values } = parseArgs({ options: { customers: { type: "string" } } });
const SLOW_MS = 20;
const database = await createTestDatabase("sqlite");
process.env.DATABASE_URL = database.url;
const { importFile } = await import("@/lib/services/importFile");
const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
const { drawFromBucket } = await import("@/lib/db/apiRate");
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lock-"));
let child: RetrainProcess | undefined;
let running = false;

try {
  const source = values.customers ? syntheticFile(Number(values.customers)) : path.resolve("../shared/data/marketing_campaign.csv");
  await importFile({ kind: "customers", source, fileName: path.basename(source), userId: null, allowRejected: true });
  const first = await runRetrain({ trigger: "CLI", requestedById: null });
  if (first.status !== "SUCCEEDED") throw new Error(`the first run did not succeed: ${first.reasons.join("; ")}`);
  console.log(`${os.cpus().length} cores; first run ${first.runId} trained on ${path.basename(source)}; now a retrain in its own process`);

  const started = performance.now();
  const at = () => ((performance.now() - started) / 1000).toFixed(2).padStart(6);
  const lines: { at: string; text: string }[] = [];
  child = spawnRetrain({
    databaseUrl: database.url,
    config: {},
    onStdout: (text) => {
      for (const line of text.split("\n").filter((l) => l.startsWith("stage ") || l.startsWith("run "))) lines.push({ at: at(), text: line });
    },
  });
  running = true;
  const exited = child.exited;
  void exited.then(() => (running = false));
  const waits: number[] = [];
  let failed = 0;
  while (running) {
    const drawn = performance.now();
    // A draw that waits out the connection's busy timeout fails, as the server's would (503).
    const failure = await drawFromBucket("bench:lock", 1, { perSecond: 1e6, burst: 1e6 }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    const ms = performance.now() - drawn;
    waits.push(ms);
    if (failure !== null) {
      failed++;
      lines.push({ at: at(), text: `  a draw FAILED after ${ms.toFixed(0)} ms: ${failure.trim().split("\n")[0].slice(0, 160)}` });
    } else if (ms >= SLOW_MS) lines.push({ at: at(), text: `  a draw waited ${ms.toFixed(0)} ms` });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { code, stderr } = await exited;
  if (code !== 0) throw new Error(`the retrain exited with code ${code}: ${stderr.slice(-2_000)}`);
  for (const line of lines.sort((a, b) => Number(a.at) - Number(b.at))) console.log(`${line.at} s ${line.text}`);
  const slow = waits.filter((ms) => ms >= SLOW_MS);
  console.log(
    `${waits.length} draws while the retrain ran (${at().trim()} s): ${slow.length} waited ${SLOW_MS} ms or more, ` +
      `${slow.reduce((a, b) => a + b, 0).toFixed(0)} ms in all; the longest ${Math.max(...waits).toFixed(0)} ms; ${failed} failed`,
  );
} finally {
  if (running) child?.kill();
  await database.drop();
  fs.rmSync(tempDir, { recursive: true, force: true });
}

function syntheticFile(count: number): string {
  const file = path.join(tempDir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 11, count })));
  return file;
}
