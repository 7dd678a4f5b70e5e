/**
 * Score retention (lib/db/scoreRetention.ts), once per provider: the per-customer scores of
 * finished runs past the newest N are removed, never those of the active run or of a run a later
 * activation names; such a run is marked, leaves customers' histories and can no longer be made
 * active; a removal cut short is finished by the next pass.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ScoreRow } from "@/lib/db/runs";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMERS = 60;

type Db = typeof import("@/lib/db/internal/client").db;

export function defineScoreRetentionSuite(provider: TestProvider): void {
  describe(`score retention on ${provider}`, () => {
    let database: TestDatabase;
    let db: Db;
    let removeExpiredScores: typeof import("@/lib/db/scoreRetention").removeExpiredScores;
    /** Runs A to E, oldest first: A seeded, B C E promoted, D rejected. */
    let runs: Record<"A" | "B" | "C" | "D" | "E", number>;
    let userId: string;

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      ({ db } = await import("@/lib/db/internal/client"));
      ({ removeExpiredScores } = await import("@/lib/db/scoreRetention"));
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      const { runId: A } = await seedScoredRun({ customers: CUSTOMERS });
      const scores: ScoreRow[] = await db.customerScore.findMany({ where: { runId: A }, orderBy: { customerId: "asc" }, omit: { runId: true } });
      const B = await writeRun(scores, true);
      const C = await writeRun(scores, true);
      const D = await writeRun(scores, false);
      const E = await writeRun(scores, true);
      runs = { A, B, C, D, E };
      userId = (await db.user.create({ data: { email: "analyst@example.com", name: "Analyst", role: "ANALYST", passwordHash: "x" } })).id;
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    async function writeRun(scores: ScoreRow[], activate: boolean): Promise<number> {
      const [{ writeRunOutcome }, { beginSeededRun, scoresOnlyOutcome }] = await Promise.all([
        import("@/lib/db/runs"),
        import("@/tests/support/seedScoredRun"),
      ]);
      const { runId, release } = await beginSeededRun(3, {}, scores.length);
      try {
        const outcome = scoresOnlyOutcome(runId, scores, { activate });
        await writeRunOutcome(runId, activate ? outcome : { ...outcome, status: "REJECTED" });
      } finally {
        await release();
      }
      return runId;
    }

    async function scoreCounts(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const [name, runId] of Object.entries(runs)) counts[name] = await db.customerScore.count({ where: { runId } });
      return counts;
    }

    async function removedRuns(): Promise<number[]> {
      const marked = await db.modelRun.findMany({ where: { scoresRemovedAt: { not: null } }, orderBy: { id: "asc" }, select: { id: true } });
      return marked.map(({ id }) => id);
    }

    /** PostgreSQL's tables for CustomerScore partitions, attached or not. */
    async function partitionTables(): Promise<string[]> {
      if (provider !== "postgresql") return [];
      const tables = await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT tablename::text AS "name" FROM pg_tables WHERE tablename LIKE 'CustomerScore\\_%' ORDER BY 1`,
      );
      return tables.map(({ name }) => name);
    }

    test("past the newest two, every finished run's scores go except the active run's, and the runs are marked", async () => {
      // Rolled back to B: B stays whatever its age.
      await db.runActivation.create({ data: { runId: runs.B, reason: "rollback" } });
      expect(await removeExpiredScores(2)).toEqual([runs.C, runs.A]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
      expect(await removedRuns()).toEqual([runs.A, runs.C]);
      if (provider === "postgresql") expect(await partitionTables()).toEqual([runs.B, runs.D, runs.E].map((id) => `CustomerScore_${id}`).sort());
      // Nothing more to do the second time.
      expect(await removeExpiredScores(2)).toEqual([]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
    });

    test("a customer's history lists only the runs that kept their scores", async () => {
      const { listCustomerRunScores } = await import("@/lib/db/scores/history");
      const customer = await db.customer.findFirstOrThrow({ orderBy: { id: "asc" } });
      expect((await listCustomerRunScores(customer.id)).map((score) => score.runId)).toEqual([runs.E, runs.D, runs.B]);
    });

    test("a run whose scores were removed can no longer be made active; one that kept them can", async () => {
      const [{ activateRun }, { ScoresRemovedError }, { findActivationOption }, { getActiveRunId }] = await Promise.all([
        import("@/lib/db/runs"),
        import("@/lib/db/scoreRetention"),
        import("@/lib/services/retrain/activation"),
        import("@/lib/db/activeRun"),
      ]);
      const removed = await db.modelRun.findUniqueOrThrow({ where: { id: runs.C } });
      expect(findActivationOption(removed, runs.B)).toBeNull();
      await expect(activateRun(runs.C, userId, "forced", "bring back the old personas")).rejects.toBeInstanceOf(ScoresRemovedError);
      expect(await getActiveRunId()).toBe(runs.B);
      expect(await db.runActivation.count({ where: { runId: runs.C } })).toBe(1);
      await activateRun(runs.D, userId, "forced", "the rejected run was right after all");
      expect(await getActiveRunId()).toBe(runs.D);
    });

    test("a run named by an activation still to come keeps its scores, as does the active one", async () => {
      await db.runActivation.create({ data: { runId: runs.B, reason: "rollback", activatedAt: new Date(Date.now() + 3_600_000) } });
      // Newest first: E kept by the count, D active, B activated in an hour.
      expect(await removeExpiredScores(1)).toEqual([]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
      await db.runActivation.deleteMany({ where: { activatedAt: { gt: new Date() } } });
    });

    test("a removal cut short after the mark is finished by the next pass", async () => {
      await db.modelRun.update({ where: { id: runs.E }, data: { scoresRemovedAt: new Date() } });
      // On PostgreSQL, cut short between the detach and the drop: the table is there, no longer a partition.
      if (provider === "postgresql") await db.$executeRawUnsafe(`ALTER TABLE "CustomerScore" DETACH PARTITION "CustomerScore_${runs.E}"`);
      expect(await removeExpiredScores(10)).toEqual([]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: 0 });
      if (provider === "postgresql") expect(await partitionTables()).toEqual([runs.B, runs.D].map((id) => `CustomerScore_${id}`).sort());
    });
  });
}
