/**
 * Retraining against a real database; run once per provider by the *.sqlite / *.postgres test
 * files. The tests share one database and run in order, like a deployment's history: a first
 * run, a run on more customers, a rejected run, a failed one, two started at once, a killed
 * worker, then a resampled and a shifted snapshot for drift, and order lines. Training uses a
 * light set-up (one space, k ≤ 5, 3 folds) on 800 synthetic customers imported through the
 * real import path.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import type { CustomerRecord } from "@/lib/data/customer";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import type { FeatureDrift } from "@/lib/ml/drift";
import type { TrainedModels } from "@/lib/ml/train";
import type { RunDrift, RunReference, RunStability } from "@/lib/runs/driftAndStability";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";
import type { RunSummary } from "@/lib/runs/summary";
import { readRunJson } from "@/lib/runs/storedRun";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { handledLater } from "@/tests/support/handledLater";
import { countRunScores, readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";
import { spawnRetrain, type RetrainProcess } from "../support/retrainProcess";

const CUSTOMERS = 800;
const LIGHT = { spaces: ["standardized"], kMax: 5, folds: 3 } satisfies RetrainConfig;
/** Never drawn by the generator, so it is new to any reference (the generator does draw the real file's "YOLO"). */
const NEW_MARITAL_STATUS = "Nomad";
const HEAVY_TEST_MS = 300_000;

type Db = typeof import("@/lib/db/internal/client").db;

export function defineRetrainSuite(provider: TestProvider): void {
  describe(`retraining on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let lib: {
      db: Db;
      importFile: typeof import("@/lib/services/importFile").importFile;
      runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
      getActiveRunId: typeof import("@/lib/db/activeRun").getActiveRunId;
      getRunArtifact: typeof import("@/lib/db/runs").getRunArtifact;
      loadSnapshot: typeof import("@/lib/db/customers/snapshot").loadSnapshot;
      score: typeof import("@/lib/ml/train").score;
    };
    const spawned: RetrainProcess[] = [];
    let firstRunId: number;
    let firstRunCustomers: number;

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "retrain-"));
      const [{ db }, { importFile }, { runRetrain }, runs, { getActiveRunId }, { loadSnapshot }, { score }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/services/importFile"),
        import("@/lib/services/retrain/runRetrain"),
        import("@/lib/db/runs"),
        import("@/lib/db/activeRun"),
        import("@/lib/db/customers/snapshot"),
        import("@/lib/ml/train"),
      ]);
      lib = { db, importFile, runRetrain, getActiveRunId, getRunArtifact: runs.getRunArtifact, loadSnapshot, score };
      await importCustomers(generateCustomers({ seed: 1, count: CUSTOMERS }));
    });

    afterAll(async () => {
      for (const child of spawned) {
        try {
          child.kill();
        } catch {
          // already gone
        }
      }
      await lib?.db.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    async function importCustomers(records: CustomerRecord[]): Promise<void> {
      const file = path.join(tempDir, `customers-${fs.readdirSync(tempDir).length + 1}.csv`);
      fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(records));
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: path.basename(file), userId: null });
      expect(summary.status).toBe("SUCCEEDED");
    }

    const retrain = (config: RetrainConfig = LIGHT) => lib.runRetrain({ trigger: "CLI", requestedById: null, config });
    const runOf = (id: number) => lib.db.modelRun.findUniqueOrThrow({ where: { id }, include: { segments: true, activations: true } });
    const customerIds = async () => (await lib.db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);

    async function scoreFingerprint(runId: number) {
      const rows = await readRunScoreRows(runId);
      return { count: rows.length, checksum: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
    }

    /** What users see: the active run and its scores. */
    async function activeState() {
      const runId = await lib.getActiveRunId();
      return { runId, scores: runId === null ? null : await scoreFingerprint(runId) };
    }

    async function leftBehindBy(runId: number) {
      const where = { where: { runId } };
      const [scores, segments, artifacts, activations] = await Promise.all([
        countRunScores(runId),
        lib.db.segmentProfile.count(where),
        lib.db.modelArtifact.count(where),
        lib.db.runActivation.count(where),
      ]);
      return { scores, segments, artifacts, activations };
    }

    test("a run trains on the snapshot, stores named segments, one score per customer and its reference, and becomes the active run", async () => {
      const outcome = await retrain();
      expect(outcome).toMatchObject({ status: "SUCCEEDED", reasons: ["passed validation; no model was active"] });
      const run = await runOf(outcome.runId);
      const ids = await customerIds();
      expect(run).toMatchObject({ status: "SUCCEEDED", stage: "done", progress: 1, snapshotCount: ids.length, error: null });
      expect(run.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
      expect(run.activations.map((activation) => activation.reason)).toEqual(["promoted"]);
      expect(Object.keys(run.timings as Record<string, number>)).toEqual(
        expect.arrayContaining(["snapshot", "train", "train.segmentation", "evaluate", "write"]),
      );

      const k = (run.metrics as { gate: { k: number } }).gate.k;
      expect(run.segments).toHaveLength(k);
      expect(run.segments.map((segment) => segment.segmentKey).sort((a, b) => a - b)).toEqual([...Array(k).keys()]);
      expect(new Set(run.segments.map((segment) => segment.name.trim())).size).toBe(k);
      expect(run.segments.every((segment) => segment.name.trim() !== "" && segment.isNew)).toBe(true);
      expect(run.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(ids.length);

      const scores = await readRunScoreRows(run.id);
      expect(scores.map((row) => row.customerId)).toEqual(ids);
      const keys = new Set(run.segments.map((segment) => segment.segmentKey));
      expect(scores.filter((row) => !keys.has(row.segmentKey))).toEqual([]);
      expect(scores.filter((row) => !(Number.isFinite(row.responseProbability) && row.responseProbability! > 0 && row.responseProbability! < 1))).toEqual([]);

      const reference = run.reference as unknown as RunReference;
      expect(reference.features.features.map((feature) => feature.name)).toEqual(expect.arrayContaining(["income", "maritalStatus"]));
      expect(reference.response).not.toBeNull();
      const summary = run.summary as unknown as RunSummary;
      expect(summary.customers).toBe(ids.length);
      const { clvCoverage, responseCoverage } = summary;
      expect(clvCoverage.customers).toBe(ids.length);
      expect(clvCoverage.orders + clvCoverage.profiles + clvCoverage.none).toBe(ids.length);
      expect(clvCoverage.reasons.reduce((sum, entry) => sum + entry.count, 0)).toBe(clvCoverage.none);
      expect(responseCoverage).toMatchObject({ customers: ids.length, scored: ids.length, none: 0, reasons: [] });
      expect(summary.segments.map((segment) => segment.size).sort()).toEqual(run.segments.map((segment) => segment.size).sort());
      // What a real run stored reads back through the zod schemas unchanged.
      const json = readRunJson(run);
      expect([json.metrics, json.decision, json.timings]).toEqual([run.metrics, run.decision, run.timings]);
      expect(json.decision?.rules?.length).toBeGreaterThan(0);
      expect(readSummary(run.summary)).toEqual(run.summary);

      expect(await lib.getActiveRunId()).toBe(run.id);
      firstRunId = run.id;
      firstRunCustomers = ids.length;
    });

    test("the stored models, loaded back from the database, put the same customers in the same segments", async () => {
      const models = await lib.getRunArtifact<TrainedModels>(firstRunId, "models");
      expect(models).not.toBeNull();
      const snapshot = await lib.loadSnapshot();
      const rescored = await lib.score({ customers: snapshot.customers, orders: snapshot.orders }, models!);

      const profiles = await lib.db.segmentProfile.findMany({ where: { runId: firstRunId } });
      const keyOfLabel = new Map(profiles.map((profile) => [profile.label, profile.segmentKey]));
      const stored = new Map((await readRunScoreRows(firstRunId)).map((row) => [row.customerId, row]));
      expect(Array.from(rescored.segment, (label) => keyOfLabel.get(label))).toEqual(snapshot.customerIds.map((id) => stored.get(id)!.segmentKey));
      const responseGaps = snapshot.customerIds.map((id, i) => Math.abs(rescored.responseProbability[i] - stored.get(id)!.responseProbability!));
      expect(Math.max(...responseGaps)).toBeLessThan(1e-9);
    });

    test("a run on more customers of the same distribution keeps segment keys and names, with the ARI on the customers both runs scored", async () => {
      const previous = await lib.db.segmentProfile.findMany({ where: { runId: firstRunId } });
      await importCustomers(generateCustomers({ seed: 2, start: CUSTOMERS, count: CUSTOMERS / 4 }));
      const outcome = await retrain();
      expect(outcome.status).not.toBe("FAILED");
      const run = await runOf(outcome.runId);

      const stability = run.stability as unknown as RunStability;
      expect(readRunJson(run).stability).toEqual(stability);
      expect(stability.commonCustomers).toBe(firstRunCustomers);
      expect(stability.adjustedRandIndex).toBeGreaterThan(0.8);
      const matched = run.segments.filter((segment) => !segment.isNew);
      expect(matched.length * 2).toBeGreaterThan(run.segments.length);
      expect(stability).toMatchObject({ matchedSegments: matched.length, newSegments: run.segments.length - matched.length });
      const previousByKey = new Map(previous.map((segment) => [segment.segmentKey, segment]));
      for (const segment of matched) {
        const before = previousByKey.get(segment.segmentKey);
        expect({ key: segment.segmentKey, name: segment.name, color: segment.color }).toEqual({
          key: segment.segmentKey,
          name: before?.name,
          color: before?.color,
        });
      }
      for (const segment of run.segments.filter((segment) => segment.isNew)) expect(previousByKey.has(segment.segmentKey)).toBe(false);
    });

    test("a run that cannot meet its tolerances is rejected, says why, keeps its scores and leaves the active run in place", async () => {
      const before = await activeState();
      const activations = await lib.db.runActivation.count();
      const outcome = await retrain({ ...LIGHT, tolerances: { maxSilhouetteDrop: -1 } });
      expect(outcome.status).toBe("REJECTED");
      expect(outcome.reasons.join("\n")).toMatch(/silhouette fell from \d\.\d+ to \d\.\d+ \(more than -1\.000\)/);

      const run = await runOf(outcome.runId);
      expect(run).toMatchObject({ status: "REJECTED", decision: { promote: false, reasons: outcome.reasons } });
      expect(await activeState()).toEqual(before);
      expect(await lib.db.runActivation.count()).toBe(activations);
      expect(await leftBehindBy(run.id)).toEqual({ scores: (await customerIds()).length, segments: run.segments.length, artifacts: 1, activations: 0 });
    });

    test(
      "a database error while writing scores fails the run and leaves the active run and its scores as they were",
      async () => {
        const before = await activeState();
        const failure = await installScoreFailure(provider, lib.db);
        try {
          const outcome = await retrain();
          expect(outcome.status).toBe("FAILED");
          expect(outcome.reasons.join("\n")).toMatch(failure);
          const run = await runOf(outcome.runId);
          expect(run).toMatchObject({ status: "FAILED", error: expect.stringMatching(failure), decision: null });
          expect(run.finishedAt).not.toBeNull();
          expect(await activeState()).toEqual(before);
          expect(await leftBehindBy(run.id)).toEqual({ scores: 0, segments: 0, artifacts: 0, activations: 0 });
          expect(await lib.db.retrainLease.count()).toBe(0);
        } finally {
          await removeScoreFailure(provider, lib.db);
        }
      },
      HEAVY_TEST_MS,
    );

    test(
      "two retrains started at once from two processes: one trains, the other is turned away naming that run",
      async () => {
        const runsBefore = await lib.db.modelRun.count();
        const pair = [spawnRetrain({ databaseUrl: database.url, config: LIGHT }), spawnRetrain({ databaseUrl: database.url, config: LIGHT })];
        spawned.push(...pair);
        const results = await Promise.all(pair.map((child) => child.exited));

        expect(results.map((result) => result.code).sort()).toEqual([0, 3]);
        const winner = results.find((result) => result.code === 0)!;
        const loser = results.find((result) => result.code === 3)!;
        const runId = Number(/^started run (\d+) \(job process \d+\)$/m.exec(winner.stdout)?.[1]);
        expect(winner.stdout).toMatch(new RegExp(`^run ${runId} (succeeded|rejected): `, "m"));
        expect(loser.stderr).toContain(`a retrain is already running (run ${runId})`);
        expect(loser.stdout).not.toMatch(/started run/);
        expect(await lib.db.modelRun.count()).toBe(runsBefore + 1);
        expect(["SUCCEEDED", "REJECTED"]).toContain((await runOf(runId)).status);
      },
      HEAVY_TEST_MS,
    );

    test(
      "a job process (at lower CPU priority) killed mid-run is failed at once by its launcher, with its log; the next retrain may start at once",
      async () => {
        const before = await activeState();
        const launcher = spawnRetrain({ databaseUrl: database.url, config: LIGHT });
        spawned.push(launcher);
        const runId = await launcher.started;
        const training = ["summaries", "features", "segmentation", "classifier", "response", "clv", "personas"];
        await waitFor(async () => training.includes((await lib.db.modelRun.findUniqueOrThrow({ where: { id: runId } })).stage ?? ""), "the run to train");
        // RETRAIN_NICE (10 by default) above the launcher's niceness, which it shares with this test.
        expect(os.getPriority(launcher.jobPid())).toBe(Math.min(19, os.getPriority() + 10));
        launcher.killJob();
        const exited = await launcher.exited;

        expect(exited.code).toBe(1);
        const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id: runId } });
        expect(run.status).toBe("FAILED");
        expect(run.error).toMatch(/^its process stopped at \d\d:\d\d:\d\d UTC in stage \w+ \(killed by SIGKILL\) before finishing$/);
        expect(exited.stderr).toContain(`run ${runId} failed: ${run.error}`);
        expect(run.log).toMatch(new RegExp(`run ${runId} started \\(process ${launcher.jobPid()}\\)\\n[\\s\\S]*stage ${run.stage}`));
        expect(await lib.db.retrainLease.count()).toBe(0);
        const { runningRunId } = await import("@/lib/db/runLiveness");
        expect(await runningRunId()).toBeNull();
        expect(await activeState()).toEqual(before);
        expect(await leftBehindBy(runId)).toEqual({ scores: 0, segments: 0, artifacts: 0, activations: 0 });
      },
      HEAVY_TEST_MS,
    );

    test(
      "a run that lost its lease while training writes nothing and ends failed; the active run stays",
      async () => {
        const before = await activeState();
        let takeover: Promise<unknown> = Promise.resolve();
        const outcome = await lib.runRetrain(
          { trigger: "CLI", requestedById: null, config: LIGHT },
          // What a takeover does to the lease row while this run still trains (then() runs Prisma's lazy query).
          { onStarted: (runId) => (takeover = handledLater(lib.db.retrainLease.update({ where: { name: "retrain" }, data: { runId: runId + 1000 } }).then())) },
        );
        await takeover;
        expect(outcome.status).toBe("FAILED");
        expect(outcome.reasons[0]).toMatch(/no longer holds the retrain lease/);
        expect(await lib.db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId } })).toMatchObject({ status: "FAILED", decision: null });
        expect(await activeState()).toEqual(before);
        expect(await leftBehindBy(outcome.runId)).toEqual({ scores: 0, segments: 0, artifacts: 0, activations: 0 });
        await lib.db.retrainLease.deleteMany();
      },
      HEAVY_TEST_MS,
    );

    test(
      "a launcher killed with its job: readers see the run failed once no live lease names it, and the next run may start",
      async () => {
        const before = await activeState();
        // On SQLite a dead worker's lease must run out: a short TTL keeps the wait short.
        const worker = spawnRetrain({ databaseUrl: database.url, config: LIGHT, env: provider === "sqlite" ? { RETRAIN_LEASE_TTL_MS: "3000" } : {} });
        spawned.push(worker);
        const killedRunId = await worker.started;
        await waitFor(async () => (await lib.db.modelRun.findUniqueOrThrow({ where: { id: killedRunId } })).status === "RUNNING", "the run to start training");
        worker.kill();
        expect((await worker.exited).signal).toBe("SIGKILL");

        expect(await activeState()).toEqual(before);
        expect(await leftBehindBy(killedRunId)).toEqual({ scores: 0, segments: 0, artifacts: 0, activations: 0 });
        // The scoring API keeps answering with the run that was active.
        const { loadActiveModels, scoreCustomers } = await import("@/lib/services/scoring");
        const serving = (await loadActiveModels())!;
        expect(scoreCustomers(serving, generateCustomers({ seed: 9, count: 2 })).map((result) => result.runId)).toEqual([before.runId, before.runId]);
        const lease = await lib.db.retrainLease.findUniqueOrThrow({ where: { name: "retrain" } });
        expect(lease.runId).toBe(killedRunId);

        if (provider === "sqlite") await sleep(lease.expiresAt.getTime() - Date.now() + 100);
        // The advisory lock goes when the server notices the dead connection; no TTL is involved.
        else await waitFor(async () => (await advisoryLocks(lib.db)) === 0, "the dead worker's advisory lock to go");
        const seenAt = Date.now();
        const { getRunProgress } = await import("@/lib/db/runs");
        expect(await getRunProgress(killedRunId)).toMatchObject({
          status: "FAILED",
          error: expect.stringMatching(/^its process stopped at \d\d:\d\d:\d\d UTC in stage \w+ before finishing$/),
        });
        const { runningRunId } = await import("@/lib/db/runLiveness");
        expect(await runningRunId()).toBeNull();
        const outcome = await retrain();
        expect(outcome.status).not.toBe("FAILED");
        // On PostgreSQL a free lock is enough: the dead run's lease row had not expired yet.
        if (provider === "postgresql") expect(lease.expiresAt.getTime()).toBeGreaterThan(seenAt);
      },
      HEAVY_TEST_MS,
    );

    test("a resample of the same distribution shows no dataset drift and an income PSI below 0.1", async () => {
      await importCustomers(generateCustomers({ seed: 3, count: CUSTOMERS }));
      const outcome = await retrain();
      const drift = (await runOf(outcome.runId)).drift as unknown as RunDrift;
      expect(drift.datasetDrift).toBe(false);
      expect(featureDrift(drift, "income").psi).toBeLessThan(0.1);
      expect(featureDrift(drift, "income").drifted).toBe(false);
    });

    test("a shift in income and a new marital status are flagged as drift", async () => {
      const shifted = generateCustomers({ seed: 3, count: CUSTOMERS }).map((customer, i) => ({
        ...customer,
        income: customer.income === null ? null : Math.round(customer.income * 1.3),
        maritalStatus: i % 5 === 0 ? NEW_MARITAL_STATUS : customer.maritalStatus,
      }));
      await importCustomers(shifted);
      const outcome = await retrain();
      const drift = (await runOf(outcome.runId)).drift as unknown as RunDrift;
      expect(readRunJson({ drift }).drift).toEqual(drift);
      expect(featureDrift(drift, "income")).toMatchObject({ drifted: true, severity: "significant" });
      expect(featureDrift(drift, "maritalStatus")).toMatchObject({ drifted: true, newCategories: [NEW_MARITAL_STATUS] });
    });

    test(
      "with order lines, a run on unchanged data shows no drift, customers known only from their orders included",
      async () => {
        const withProfiles = generateCustomers({ seed: 3, count: CUSTOMERS });
        const ordersOnly = generateCustomers({ seed: 4, start: 2 * CUSTOMERS, count: CUSTOMERS / 8 });
        const file = path.join(tempDir, "orders.csv");
        fs.writeFileSync(file, ORDER_CSV_HEADER + "\n" + formatOrderLines(generateOrders([...withProfiles, ...ordersOnly], { seed: 4 })));
        const summary = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null });
        expect(summary).toMatchObject({ status: "SUCCEEDED", customersCreated: ordersOnly.length });
        // Drift is measured against the active run: this one must be promoted whatever its metrics.
        const lenient = await retrain({
          ...LIGHT,
          tolerances: { maxAucDrop: 1, maxSilhouetteDrop: 1, minAuc: 0, maxClvSpearmanDrop: 2, maxClvErrorRise: 100, maxClvShiftShare: 1 },
        });
        expect(lenient.status).toBe("SUCCEEDED");

        const outcome = await retrain();
        const run = await runOf(outcome.runId);
        const drift = run.drift as unknown as RunDrift;
        // Spend and channels come from the order lines' own names, profile fields joining the bar of the same name.
        const { distributions } = (run.summary as unknown as RunSummary).segments[0];
        expect(distributions.spendByCategory.map((row) => row.category)).toEqual(expect.arrayContaining(["Wines", "Gold"]));
        expect(distributions.channelMix.map((row) => row.channel).sort()).toEqual(["catalog", "store", "web"]);
        expect(drift.features.features.filter((feature) => feature.drifted)).toEqual([]);
        expect(Math.max(...drift.features.features.map((feature) => feature.psi))).toBeLessThan(0.001);
      },
      HEAVY_TEST_MS,
    );
  });
}

function featureDrift(drift: RunDrift, name: string): FeatureDrift {
  const feature = drift.features.features.find((candidate) => candidate.name === name);
  if (!feature) throw new Error(`no drift reported for ${name}`);
  return feature;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function advisoryLocks(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ locks: number }[]>(
    `SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows[0].locks;
}

/**
 * A real failure inside the database while a run's scores are written; returns what its message says.
 * SQLite: each run's rows go into a table of its own that the run creates (lib/db/scores/scoreTable.ts), so the
 * failure comes after every row went in: an index already holds the name the run's table's index is to get.
 * PostgreSQL: a run's partition is filled before it is attached, out of reach of a row trigger on the parent; a CHECK
 * is copied into it.
 */
async function installScoreFailure(provider: TestProvider, db: Db): Promise<RegExp> {
  if (provider === "sqlite") {
    const [{ next }] = await db.$queryRawUnsafe<{ next: number }[]>(`SELECT "seq" + 1 AS "next" FROM sqlite_sequence WHERE "name" = 'ModelRun'`);
    await db.$executeRawUnsafe(`CREATE INDEX "CustomerScore_${next}_segmentKey_runId_idx" ON "Customer" ("id")`);
    return new RegExp(`index CustomerScore_${next}_segmentKey_runId_idx already exists`);
  }
  await db.$executeRawUnsafe(`ALTER TABLE "CustomerScore" ADD CONSTRAINT "scores refused" CHECK (false) NOT VALID`);
  return /scores refused/;
}

async function removeScoreFailure(provider: TestProvider, db: Db): Promise<void> {
  if (provider === "sqlite") {
    for (const { name } of await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Customer' AND "name" GLOB 'CustomerScore_*'`,
    ))
      await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
    return;
  }
  await db.$executeRawUnsafe(`ALTER TABLE "CustomerScore" DROP CONSTRAINT "scores refused"`);
}
