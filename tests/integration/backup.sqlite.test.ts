/**
 * `npm run backup` and `npm run restore` as a user runs them, on a real SQLite database that
 * holds imported customers and a trained run, while the app's own connection stays open.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const run = promisify(execFile);

describe("backup and restore of the SQLite database", () => {
  let database: TestDatabase;
  let dir: string;
  let db: typeof import("@/lib/db/internal/client").db;
  let importFile: typeof import("@/lib/services/importFile").importFile;

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-"));
    ({ db } = await import("@/lib/db/internal/client"));
    ({ importFile } = await import("@/lib/services/importFile"));
    const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
    await importCustomers(generateCustomers({ seed: 5, count: 400 }));
    const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: { spaces: ["standardized"], kMax: 4, folds: 3 } });
    expect(outcome.status).toBe("SUCCEEDED");
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function importCustomers(records: ReturnType<typeof generateCustomers>) {
    const file = path.join(dir, `customers-${records[0].externalId}.csv`);
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(records));
    expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
  }

  const cli = (verb: "backup" | "restore", file: string) =>
    run(path.resolve("node_modules/.bin/tsx"), ["lib/cli/backup.ts", verb, file], { env: { ...process.env, DATABASE_URL: database.url } }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  async function scoresOfEveryRun() {
    const runs = await db.modelRun.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    return (await Promise.all(runs.map(({ id }) => readRunScoreRows(id)))).flat();
  }

  /** Everything a user would miss: customers, runs with their activations, and every score. */
  async function contents() {
    const [customers, runs, activations, scores] = await Promise.all([
      db.customer.findMany({ orderBy: { id: "asc" } }),
      db.modelRun.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, snapshotHash: true, metrics: true } }),
      db.runActivation.findMany({ orderBy: { id: "asc" } }),
      scoresOfEveryRun(),
    ]);
    const hash = (rows: unknown) => createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    return { customers: customers.length, runs: runs.length, scores: scores.length, hashes: [customers, runs, activations, scores].map(hash) };
  }

  test("a backup taken while the app is connected restores to the same customers, runs and scores", async () => {
    const before = await contents();
    expect(before).toMatchObject({ customers: 400, runs: 1, scores: 400 });
    const file = path.join(dir, "app-backup.db");
    const backup = await cli("backup", file);
    expect(backup.stdout).toMatch(/^backed up to .*app-backup\.db \(\d+\.\d MB, \d+ pages\)/);

    await importCustomers(generateCustomers({ seed: 6, start: 400, count: 50 }));
    const { removeRunScores } = await import("@/lib/db/scoresAhead");
    for (const { id } of await db.modelRun.findMany({ select: { id: true } })) await removeRunScores(id);
    expect(await contents()).toMatchObject({ customers: 450, scores: 0 });

    const restore = await cli("restore", file);
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringMatching(/^restored .*app-backup\.db into /) });
    expect(await contents()).toEqual(before);
  });

  test("a file that is not one of this app's databases is refused and the database is left as it was", async () => {
    const before = await contents();
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "customer_id;segment\n1;2\n");
    const refused = await cli("restore", junk);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/junk\.db cannot be restored: it is not an SQLite database .*; the database was not touched/);
    expect(await contents()).toEqual(before);
  });

  test("a backup never overwrites an existing file", async () => {
    const existing = path.join(dir, "existing.db");
    fs.writeFileSync(existing, "keep me");
    const refused = await cli("backup", existing);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/existing\.db already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });
});
