/**
 * A run's scores on PostgreSQL are a partition of CustomerScore of their own, filled before it
 * is attached (lib/db/internal/partition.ts): attached with every index of the parent, invisible
 * until the run's transaction commits, gone without a trace when the write fails, and dropped
 * by a reset.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ScoreRow } from "@/lib/db/runs";
import { handledLater } from "@/tests/support/handledLater";
import { postgresAvailable, useTestDatabase, type TestDatabase } from "./support/databases";

describe.runIf(postgresAvailable())("a run's scores as a partition on PostgreSQL", () => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db/internal/client").db;
  let firstRun: number;

  beforeAll(async () => {
    database = await useTestDatabase("postgresql");
    ({ db } = await import("@/lib/db/internal/client"));
    const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
    ({ runId: firstRun } = await seedScoredRun({ customers: 300 }));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function partitions(): Promise<string[]> {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT c.relname::text AS "name" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"CustomerScore"'::regclass ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  }

  async function activeRunId(): Promise<number | undefined> {
    const latest = await db.runActivation.findFirst({ orderBy: { id: "desc" }, select: { runId: true } });
    return latest?.runId;
  }

  /** Writes a promoted run whose scores are those of the first run, with `edit` applied to the first. */
  async function writeRun(edit: Partial<ScoreRow>, onProgress?: (runId: number) => void): Promise<number> {
    const [{ writeRunOutcome }, { beginSeededRun, scoresOnlyOutcome }] = await Promise.all([import("@/lib/db/runs"), import("@/tests/support/seedScoredRun")]);
    const scores: ScoreRow[] = await db.customerScore.findMany({ where: { runId: firstRun }, orderBy: { customerId: "asc" }, omit: { runId: true } });
    scores[0] = { ...scores[0], ...edit };
    const { runId, release } = await beginSeededRun(3, {}, scores.length);
    try {
      await writeRunOutcome(runId, scoresOnlyOutcome(runId, scores, { activate: true }), () => onProgress?.(runId));
    } finally {
      await release();
    }
    return runId;
  }

  test("a run's scores are attached as its own partition, with each of the parent's indexes", async () => {
    const note = `non-ASCII and long, as the binary COPY writes it: é ✓ 😀 ${"x".repeat(80)}`;
    const runId = await writeRun({ responseNote: note, clv: null, pAlive: Number.NaN });
    const first = await db.customerScore.findFirstOrThrow({ where: { runId }, orderBy: { customerId: "asc" } });
    expect(first).toMatchObject({ responseNote: note, clv: null, pAlive: null });
    expect(await partitions()).toEqual([`CustomerScore_${firstRun}`, `CustomerScore_${runId}`].sort());
    const indexes = await db.$queryRawUnsafe<{ parent: string }[]>(
      `SELECT p.relname::text AS "parent" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_index x ON x.indexrelid = c.oid WHERE x.indrelid = $1::regclass ORDER BY 1`,
      `"CustomerScore_${runId}"`,
    );
    expect(indexes.map((index) => index.parent)).toEqual([
      "CustomerScore_customerId_idx",
      "CustomerScore_pkey",
      "CustomerScore_runId_clv_customerId_idx",
      "CustomerScore_runId_pAlive_customerId_idx",
      "CustomerScore_runId_responseProbability_customerId_idx",
      "CustomerScore_runId_segmentKey_idx",
    ]);
    expect(await db.customerScore.count({ where: { runId } })).toBe(300);
    expect(await activeRunId()).toBe(runId);
  });

  test.each<[string, (secondCustomer: number) => Partial<ScoreRow>, RegExp]>([
    ["while copying (a NULL where the column refuses one)", () => ({ pcaX: Number.NaN }), /null value in column "pcaX"/],
    ["when attaching (a customer that does not exist)", () => ({ customerId: 999_999_999 }), /violates foreign key constraint "CustomerScore_customerId_fkey"/],
    ["when building the indexes (a customer scored twice)", (secondCustomer) => ({ customerId: secondCustomer }), /could not create unique index/],
  ])("a score write that fails %s leaves no partition, no rows and the active run as it was", async (_when, edit, error) => {
    const before = { partitions: await partitions(), active: await activeRunId(), scores: await db.customerScore.count() };
    const [, second] = await db.customerScore.findMany({ where: { runId: firstRun }, select: { customerId: true }, take: 2, orderBy: { customerId: "asc" } });
    await expect(writeRun(edit(second.customerId))).rejects.toThrow(error);
    expect({ partitions: await partitions(), active: await activeRunId(), scores: await db.customerScore.count() }).toEqual(before);
  });

  test("a progress update sent while the scores are written, as a retrain sends them, neither deadlocks nor is lost", async () => {
    const { updateRunProgress } = await import("@/lib/db/runs");
    let progress: Promise<void> = Promise.resolve();
    const runId = await writeRun({}, (id) => (progress = handledLater(updateRunProgress(id, "write", 0.95))));
    await progress;
    expect(await db.modelRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, stage: true, progress: true } })).toEqual({
      status: "SUCCEEDED",
      stage: "done",
      progress: 1,
    });
  });

  test("a reset drops every run's partition", async () => {
    const { deleteBusinessData } = await import("@/lib/db/reset");
    const counts = await deleteBusinessData({ userId: null, via: "cli" });
    expect(counts.customerScores).toBe(900);
    expect(await partitions()).toEqual([]);
    expect(await db.customerScore.count()).toBe(0);
  });
});
