/**
 * The lease outlives training that never yields. On 20,000 customers the full set-up trains on
 * the job process's main thread for longer than the lease lasts; the launcher's heartbeat,
 * beating from its own process, must keep the lease, so a retrain asked for well after the
 * lease would have run out is still turned away, and exactly one run is promoted. The lease is
 * shortened to 3 s (RETRAIN_LEASE_TTL_MS) so the test waits 7.5 s rather than 150: training on
 * samples made the full set-up take about 10 s, and nearly as long at 5,000 customers as at 20,000.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { useTestDatabase, type TestDatabase } from "./support/databases";
import { spawnRetrain, type RetrainProcess } from "./support/retrainProcess";

const CUSTOMERS = 20_000;
const LEASE_TTL_MS = 3_000;
const SECOND_REQUEST_AFTER_MS = 2.5 * LEASE_TTL_MS;
const TRAINING_STAGES = ["summaries", "features", "segmentation", "classifier", "response", "clv", "personas"];

let database: TestDatabase;
let db: typeof import("@/lib/db/internal/client").db;
let tempDir: string;
const spawned: RetrainProcess[] = [];

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "liveness-"));
  ({ db } = await import("@/lib/db/internal/client"));
  const { importFile } = await import("@/lib/services/importFile");
  const file = path.join(tempDir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 11, count: CUSTOMERS })));
  expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
});

afterAll(async () => {
  for (const child of spawned) {
    try {
      child.kill();
    } catch {
      // already gone
    }
  }
  await db?.$disconnect();
  await database?.drop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

test("a retrain asked for 2.5 lease lifetimes into a long training run is refused, naming it; exactly one run is promoted", async () => {
  const env = { RETRAIN_LEASE_TTL_MS: String(LEASE_TTL_MS) };
  const first = spawnRetrain({ databaseUrl: database.url, config: {}, env });
  spawned.push(first);
  const runId = await first.started;
  const stageOf = async () => (await db.modelRun.findUniqueOrThrow({ where: { id: runId } })).stage ?? "";
  await waitFor(async () => TRAINING_STAGES.includes(await stageOf()), "the first run to train");
  await sleep(SECOND_REQUEST_AFTER_MS);
  const during = await db.modelRun.findUniqueOrThrow({ where: { id: runId } });
  // Without this the test would prove nothing: the run must still be training.
  expect(during.status, "the first run finished too soon to test the lease").toBe("RUNNING");
  const lease = await db.retrainLease.findUniqueOrThrow({ where: { name: "retrain" } });
  expect(lease.runId).toBe(runId);
  expect(lease.expiresAt.getTime()).toBeGreaterThan(Date.now());

  const second = spawnRetrain({ databaseUrl: database.url, config: {}, env });
  spawned.push(second);
  const refused = await second.exited;
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain(`a retrain is already running (run ${runId})`);

  const finished = await first.exited;
  expect(finished.code).toBe(0);
  expect(await db.modelRun.findMany({ select: { id: true, status: true } })).toEqual([{ id: runId, status: "SUCCEEDED" }]);
  expect(await db.runActivation.findMany({ select: { runId: true, reason: true } })).toEqual([{ runId, reason: "promoted" }]);
  expect(await db.retrainLease.count()).toBe(0);
}, 900_000);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
