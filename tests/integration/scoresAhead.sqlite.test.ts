/**
 * On SQLite a run's score rows go in ahead of its final transaction, in transactions of their
 * own (lib/db/scoresAhead.ts), so other connections get the write lock between them;
 * rows of a run that does not finish are never read and do not stay.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { databaseTarget } from "@/lib/db/internal/provider";
import type { ScoreRow } from "@/lib/db/runs";
import { countRunScores, readRunScoreRows } from "../support/runScores";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const CUSTOMERS = 25_000;
/** Smaller than the app's, so that these customers take two transactions, the first of two slices (SCORE_SLICE is 20,000). */
const ROWS_PER_TRANSACTION = 22_000;

let database: TestDatabase;
let filePath: string;
let firstRun: number;
let firstScores: ScoreRow[];
let db: typeof import("@/lib/db/internal/client").db;
let runs: typeof import("@/lib/db/runs");
let seeding: typeof import("../support/seedScoredRun");

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  const target = databaseTarget(database.url);
  if (target.provider !== "sqlite") throw new Error("this test needs a SQLite file");
  filePath = target.filePath;
  ({ db } = await import("@/lib/db/internal/client"));
  runs = await import("@/lib/db/runs");
  seeding = await import("../support/seedScoredRun");
  ({ runId: firstRun } = await seeding.seedScoredRun({ customers: CUSTOMERS }));
  firstScores = await readRunScoreRows(firstRun);
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const activeRunId = async () => (await import("@/lib/db/activeRun")).getActiveRunId();
const scoreCount = (runId: number) => countRunScores(runId);
const tablesOf = async (runId: number) =>
  (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM sqlite_master WHERE "tbl_name" = ? ORDER BY "name"`, `CustomerScore_${runId}`)).map(
    ({ name }) => name,
  );

test("another connection takes SQLite's write lock between the transactions of a run's scores", async () => {
  const other = new Database(filePath, { timeout: 0 });
  const lockTaken: boolean[] = [];
  const { runId, release } = await seeding.beginSeededRun(8, {}, CUSTOMERS);
  try {
    const tryLock = () => {
      try {
        other.exec("BEGIN IMMEDIATE; ROLLBACK");
        lockTaken.push(true);
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        lockTaken.push(false);
      }
    };
    await runs.writeRunOutcome(runId, seeding.scoresOnlyOutcome(runId, firstScores, { activate: true }), tryLock, ROWS_PER_TRANSACTION);
  } finally {
    other.close();
    await release();
  }
  expect(lockTaken).toEqual([true, true]);
  expect(await readRunScoreRows(runId)).toEqual(firstScores);
  // In a table of the run's own, keyed by customer, with the shared table's other indexes, their run id last.
  expect(await db.customerScore.count({ where: { runId } })).toBe(0);
  expect(await tablesOf(runId)).toEqual(
    [
      `CustomerScore_${runId}`,
      ...["clv_customerId_runId", "pAlive_customerId_runId", "responseProbability_customerId_runId", "segmentKey_runId"].map(
        (index) => `CustomerScore_${runId}_${index}_idx`,
      ),
    ].sort(),
  );
  expect(await activeRunId()).toBe(runId);
});

test("SQLite reads a run's own table in the order of a page from an index, sorting none of its rows", async () => {
  const { toSqlConditions } = await import("@/lib/db/scores/filter");
  const { SCORE_SELECT } = await import("@/lib/db/scores/columns");
  const { runId, release } = await seeding.beginSeededRun(12, {}, CUSTOMERS);
  await runs.writeRunOutcome(runId, seeding.scoresOnlyOutcome(runId, firstScores, { activate: false }));
  await release();
  const plan = async (where: ReturnType<typeof toSqlConditions>, orderBy: string) =>
    (
      await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT ${SCORE_SELECT}, c."externalId" FROM "CustomerScore_${runId}" s JOIN "Customer" c ON c."id" = s."customerId"
         WHERE ${where.conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT 51`,
        ...where.params,
      )
    ).map(({ detail }) => detail);
  // The customer list by id, a segment of it, and an export page after a customer: the table in row-id order.
  const byId = [
    toSqlConditions({ runId }),
    toSqlConditions({ runId, segmentKeys: [1, 2] }),
    { conditions: [...toSqlConditions({ runId }).conditions, `s."customerId" > ?`], params: [runId, 100] },
  ];
  for (const where of byId)
    expect(await plan(where, `s."customerId"`)).toEqual([
      expect.stringMatching(/^(SCAN s|SEARCH s USING INTEGER PRIMARY KEY \(rowid>\?\))$/),
      expect.any(String),
    ]);
  // The list by each score: that score's index, in order.
  for (const sort of ["responseProbability", "clv", "pAlive"] as const) {
    const where = toSqlConditions({ runId, segmentKeys: [0], responseProbability: { gte: 0.1 } }, sort);
    expect(await plan(where, `s."${sort}" DESC, s."customerId" DESC`)).toEqual([
      expect.stringMatching(new RegExp(`^(SCAN|SEARCH) s USING INDEX CustomerScore_${runId}_${sort}_customerId_runId_idx`)),
      expect.any(String),
    ]);
  }
});

test("a write that fails after some transactions of rows committed leaves none of them", async () => {
  const before = await activeRunId();
  const { runId, release } = await seeding.beginSeededRun(11, {}, CUSTOMERS);
  const done: number[] = [];
  // No such customer: the row's foreign key fails in the second transaction, after the first committed.
  const scores = firstScores.map((score, i) => (i === 23_000 ? { ...score, customerId: 999_999_999 } : score));
  try {
    await expect(
      runs.writeRunOutcome(runId, seeding.scoresOnlyOutcome(runId, scores, { activate: true }), (share) => done.push(share), ROWS_PER_TRANSACTION),
    ).rejects.toThrow(/foreign key/i);
  } finally {
    await release();
  }
  expect(done).toEqual([ROWS_PER_TRANSACTION / CUSTOMERS]);
  expect(await scoreCount(runId)).toBe(0);
  expect(await tablesOf(runId)).toEqual([]);
  expect(await activeRunId()).toBe(before);
});

test("a write whose final transaction fails leaves no score rows and the active run as it was", async () => {
  const before = await activeRunId();
  const { runId, release } = await seeding.beginSeededRun(9, {}, CUSTOMERS);
  // The lease lost (taken over) is found in the final transaction, after every row went in.
  await release();
  await expect(runs.writeRunOutcome(runId, seeding.scoresOnlyOutcome(runId, firstScores, { activate: true }))).rejects.toThrow(/lease/i);
  expect(await scoreCount(runId)).toBe(0);
  expect(await tablesOf(runId)).toEqual([]);
  expect(await activeRunId()).toBe(before);
  expect((await db.modelRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("RUNNING");
});

test("rows of a run whose process died are not in a customer's history, and the next run's write removes them", async () => {
  const { bulkInsert } = await import("@/lib/db/internal/bulkWrite");
  const { listCustomerRunScores } = await import("@/lib/db/scores/history");
  const dead = await db.modelRun.create({ data: { trigger: "CLI", seed: 1, config: {}, status: "FAILED", stage: "write" } });
  const writing = await db.modelRun.create({ data: { trigger: "CLI", seed: 1, config: {}, status: "RUNNING", stage: "write" } });
  const columns = ["runId", "customerId", "segmentKey", "pcaX", "pcaY", "pcaZ"];
  // The dead run's rows in a table of its own, the other's in the shared table, as a run written before such tables left them.
  const { createRunScoreTable } = await import("@/lib/db/scores/scoreTable");
  for (const [run, table] of [
    [dead, `CustomerScore_${dead.id}`],
    [writing, "CustomerScore"],
  ] as const) {
    const rows = firstScores.slice(0, 4_000).map((score) => [run.id, score.customerId, 0, 0, 0, 0]);
    await db.$transaction(async (tx) => {
      if (table !== "CustomerScore") await createRunScoreTable(tx, run.id);
      await bulkInsert(tx, table, columns, rows);
    });
  }
  expect(await scoreCount(dead.id)).toBe(4_000);
  expect(await scoreCount(writing.id)).toBe(4_000);
  const customerId = firstScores[0].customerId;
  const shownRuns = (await listCustomerRunScores(customerId)).map((score) => score.runId);
  expect(shownRuns).not.toContain(dead.id);
  expect(shownRuns).not.toContain(writing.id);
  expect(shownRuns).toContain(firstRun);
  await db.modelRun.update({ where: { id: writing.id }, data: { status: "FAILED" } });

  const { runId, release } = await seeding.beginSeededRun(10, {}, CUSTOMERS);
  await runs.writeRunOutcome(runId, seeding.scoresOnlyOutcome(runId, firstScores.slice(0, 100), { activate: false }));
  await release();
  expect(await scoreCount(dead.id)).toBe(0);
  expect(await tablesOf(dead.id)).toEqual([]);
  expect(await scoreCount(writing.id)).toBe(0);
  expect(await scoreCount(runId)).toBe(100);
  expect(await scoreCount(firstRun)).toBe(CUSTOMERS);
});
