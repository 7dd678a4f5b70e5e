/**
 * Score retention (lib/db/scoreRetention.ts), once per provider: the per-customer scores of
 * finished runs past the newest N are removed, never those of the active run, of one active within
 * the hour or of one a later activation names; such a run is marked, leaves customers' histories
 * and can no longer be made active; a removal cut short is finished by the next pass.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ScoreRow } from "@/lib/db/runs";
import { backdateActivations } from "@/tests/support/backdateActivations";
import { handledLater } from "@/tests/support/handledLater";
import { countRunScores, readRunScoreRows } from "@/tests/support/runScores";
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
    let firstScores: ScoreRow[];

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      ({ db } = await import("@/lib/db/internal/client"));
      ({ removeExpiredScores } = await import("@/lib/db/scoreRetention"));
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      const { runId: A } = await seedScoredRun({ customers: CUSTOMERS });
      const scores = await readRunScoreRows(A);
      firstScores = scores;
      const B = await writeRun(scores, true);
      const C = await writeRun(scores, true);
      const D = await writeRun(scores, false);
      const E = await writeRun(scores, true);
      runs = { A, B, C, D, E };
      // As if the runs were a night apart: none of them was active within the last hour (RECENTLY_ACTIVE_MS).
      await backdateActivations(2 * 3_600_000);
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
      for (const [name, runId] of Object.entries(runs)) counts[name] = await countRunScores(runId);
      return counts;
    }

    async function removedRuns(): Promise<number[]> {
      const marked = await db.modelRun.findMany({ where: { scoresRemovedAt: { not: null } }, orderBy: { id: "asc" }, select: { id: true } });
      return marked.map(({ id }) => id);
    }

    /** The tables of runs' scores: PostgreSQL's partitions, attached or not; SQLite's tables of a run's own. */
    async function partitionTables(): Promise<string[]> {
      const tables = await db.$queryRawUnsafe<{ name: string }[]>(
        provider === "postgresql"
          ? `SELECT tablename::text AS "name" FROM pg_tables WHERE tablename LIKE 'CustomerScore\\_%' ORDER BY 1`
          : `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" GLOB 'CustomerScore_[0-9]*' ORDER BY 1`,
      );
      return tables.map(({ name }) => name);
    }

    test("past the newest two, every finished run's scores go except the active run's, and the runs are marked", async () => {
      // Rolled back to B: B stays whatever its age.
      await db.runActivation.create({ data: { runId: runs.B, reason: "rollback" } });
      expect(await removeExpiredScores(2)).toEqual([runs.C, runs.A]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
      expect(await removedRuns()).toEqual([runs.A, runs.C]);
      expect(await partitionTables()).toEqual([runs.B, runs.D, runs.E].map((id) => `CustomerScore_${id}`).sort());
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
      // B was active until D was made active just now: long enough ago, so that only the activation to come keeps B.
      await backdateActivations(2 * 3_600_000);
      await db.runActivation.create({ data: { runId: runs.B, reason: "rollback", activatedAt: new Date(Date.now() + 3_600_000) } });
      try {
        // Newest first: E kept by the count, D active, B activated in an hour.
        expect(await removeExpiredScores(1)).toEqual([]);
        expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
      } finally {
        await db.runActivation.deleteMany({ where: { activatedAt: { gt: new Date() } } });
      }
    });

    test("a run active until a moment ago keeps its scores for the hour, so exports of it started before the switch finish", async () => {
      const recent = [
        await db.runActivation.create({ data: { runId: runs.B, reason: "rollback" } }),
        await db.runActivation.create({ data: { runId: runs.D, reason: "forced", activatedAt: new Date(Date.now() + 1) } }),
      ];
      try {
        expect(await removeExpiredScores(1)).toEqual([]);
        expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: CUSTOMERS });
      } finally {
        await db.runActivation.deleteMany({ where: { id: { in: recent.map(({ id }) => id) } } });
      }
    });

    test("a removal cut short after the mark is finished by the next pass", async () => {
      await db.modelRun.update({ where: { id: runs.E }, data: { scoresRemovedAt: new Date() } });
      // On PostgreSQL, cut short between the detach and the drop: the table is there, no longer a partition.
      if (provider === "postgresql") await db.$executeRawUnsafe(`ALTER TABLE "CustomerScore" DETACH PARTITION "CustomerScore_${runs.E}"`);
      expect(await removeExpiredScores(10)).toEqual([]);
      expect(await scoreCounts()).toEqual({ A: 0, B: CUSTOMERS, C: 0, D: CUSTOMERS, E: 0 });
      expect(await partitionTables()).toEqual([runs.B, runs.D].map((id) => `CustomerScore_${id}`).sort());
    });

    test.runIf(provider === "postgresql")("a detach left pending by a crash is finished first, and then the other removals go ahead", async () => {
      const F = await writeRun(firstScores, false);
      const G = await writeRun(firstScores, false);
      const reader = new pg.Client({ connectionString: database.url });
      const detacher = new pg.Client({ connectionString: database.url });
      await Promise.all([reader.connect(), detacher.connect()]);
      try {
        // An open reader makes the detach wait after its first step; cancelled there, G is left pending.
        const { rows } = await detacher.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await reader.query(`BEGIN; SELECT count(*) FROM "CustomerScore"`);
        const detach = handledLater(detacher.query(`ALTER TABLE "CustomerScore" DETACH PARTITION "CustomerScore_${G}" CONCURRENTLY`));
        await expect.poll(() => detachPending(G), { timeout: 10_000 }).toBe(true);
        await db.$queryRawUnsafe(`SELECT pg_cancel_backend(${rows[0].pid})`);
        await expect(detach).rejects.toThrow(/canceling statement due to user request/);
        await reader.query("ROLLBACK");
        expect(await detachPending(G)).toBe(true);
      } finally {
        await Promise.all([reader.end(), detacher.end()]);
      }
      await db.modelRun.updateMany({ where: { id: { in: [F, G] } }, data: { scoresRemovedAt: new Date() } });
      expect(await removeExpiredScores(10)).toEqual([]);
      expect(await partitionTables()).toEqual([runs.B, runs.D].map((id) => `CustomerScore_${id}`).sort());
    });

    test.runIf(provider === "postgresql")(
      "a table whose drop finds its locks busy is left detached, and dropped by the next pass",
      async () => {
        const reader = new pg.Client({ connectionString: database.url });
        await reader.connect();
        try {
          // A reader of Customer: the DROP needs an exclusive lock on it, to remove the foreign key's triggers.
          await reader.query(`BEGIN; SELECT count(*) FROM "Customer"`);
          await db.modelRun.update({ where: { id: runs.B }, data: { scoresRemovedAt: new Date() } });
          expect(await removeExpiredScores(10)).toEqual([]);
          expect(await partitionTables()).toEqual([runs.B, runs.D].map((id) => `CustomerScore_${id}`).sort());
          expect(await detachPending(runs.B)).toBeNull();
          expect(await countRunScores(runs.B)).toBe(0);
          await reader.query("COMMIT");
        } finally {
          await reader.end();
        }
        expect(await removeExpiredScores(10)).toEqual([]);
        expect(await partitionTables()).toEqual([`CustomerScore_${runs.D}`]);
      },
      30_000,
    );

    /** Whether the run's partition is pending detach; null when it is not attached. */
    async function detachPending(runId: number): Promise<boolean | null> {
      const rows = await db.$queryRawUnsafe<{ pending: boolean }[]>(
        `SELECT inhdetachpending AS "pending" FROM pg_inherits WHERE inhrelid = to_regclass($1)`,
        `"CustomerScore_${runId}"`,
      );
      return rows[0]?.pending ?? null;
    }
  });
}
