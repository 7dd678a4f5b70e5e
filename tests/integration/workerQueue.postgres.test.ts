/**
 * "Retrain now" under RETRAIN_SCHEDULER=worker, against a real PostgreSQL database: the web
 * queues the run, `npm run worker` in a process of its own claims it and trains it in its job
 * process, and the queued run id is the run that ends with models and scores. A queued run no
 * worker takes is failed once the lease's grace is over, saying that no worker took it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { postgresAvailable, useTestDatabase, type TestDatabase } from "./support/databases";

const CUSTOMERS = 300;
const LIGHT = { spaces: ["standardized"], kMax: 4, folds: 3 };
const WORKER_TEST_MS = 240_000;

describe.runIf(postgresAvailable())("retrains queued for npm run worker on PostgreSQL", () => {
  let database: TestDatabase;
  let worker: ChildProcess | null = null;
  let workerOutput = "";
  let lib: {
    db: typeof import("@/lib/db/internal/client").db;
    runs: typeof import("@/lib/db/runs");
    liveness: typeof import("@/lib/db/runLiveness");
  };

  beforeAll(async () => {
    database = await useTestDatabase("postgresql");
    const [{ db }, runs, liveness, { importFile }] = await Promise.all([
      import("@/lib/db/internal/client"),
      import("@/lib/db/runs"),
      import("@/lib/db/runLiveness"),
      import("@/lib/services/importFile"),
    ]);
    lib = { db, runs, liveness };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "worker-queue-"));
    const file = path.join(dir, "customers.csv");
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 12, count: CUSTOMERS })));
    expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    // The worker and its job process share a process group of their own (detached).
    if (worker?.pid) process.kill(-worker.pid, "SIGKILL");
    await lib?.db.$disconnect();
    await database?.drop();
  });

  test("a queued run that no worker takes fails after the grace, saying no worker took it", async () => {
    const { id } = await lib.runs.queueRunForWorker({ trigger: "MANUAL", requestedById: null, seed: 42, config: LIGHT });
    expect(await lib.liveness.reapDeadRuns(new Date())).not.toContain(id);
    const later = new Date(Date.now() + 61_000);
    expect(await lib.liveness.reapDeadRuns(later)).toContain(id);
    const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id } });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/^no worker process took this retrain within 60 s/);
  });

  test(
    "the worker process claims a queued run and trains it as that run",
    async () => {
      const { id } = await lib.runs.queueRunForWorker({ trigger: "MANUAL", requestedById: null, seed: 42, config: LIGHT });
      worker = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions", "react-server", "jobs/worker.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: database.url },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      worker.stdout!.setEncoding("utf8").on("data", (text: string) => (workerOutput += text));
      worker.stderr!.setEncoding("utf8").on("data", (text: string) => (workerOutput += text));

      let run = await lib.db.modelRun.findUniqueOrThrow({ where: { id } });
      for (const started = Date.now(); (run.status === "QUEUED" || run.status === "RUNNING") && Date.now() - started < WORKER_TEST_MS - 20_000;) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        run = await lib.db.modelRun.findUniqueOrThrow({ where: { id } });
      }
      expect(run.status, `worker output:\n${workerOutput}\nrun error: ${run.error}`).toBe("SUCCEEDED");
      expect(run.trigger).toBe("MANUAL");
      expect(run.config).toMatchObject(LIGHT);
      expect(workerOutput).toContain(`queued run ${id} started`);
      expect(await lib.db.modelRun.count()).toBe(2);
      expect(await lib.db.customerScore.count({ where: { runId: id } })).toBe(CUSTOMERS);
    },
    WORKER_TEST_MS,
  );
});
