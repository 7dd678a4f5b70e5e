/**
 * The retrain's score writer against a real database: a run's per-customer notes (why no
 * response probability, where the CLV comes from, why no CLV) go through toScoreRows and the
 * bulk insert of writeRunOutcome and come back as written, nulls included.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CustomerScores } from "@/lib/ml/train";
import type { KeyedSegment } from "@/lib/runs/segmentKeys";
import { readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const NO_RESPONSE = "outside the response model's training range";
const NO_CLV = "no order lines and no purchase counts in the profile";

const scores: CustomerScores = {
  externalIds: ["n1", "n2", "n3"],
  segment: Int32Array.from([0, 0, 0]),
  segmentProbabilities: null,
  responseProbability: Float64Array.from([0.4, NaN, 0.2]),
  clv: Float64Array.from([120, 80, NaN]),
  clvLow: Float64Array.from([100, 60, NaN]),
  clvHigh: Float64Array.from([140, 100, NaN]),
  pAlive: Float64Array.from([0.9, 0.6, NaN]),
  expectedPurchases: Float64Array.from([2, 1, NaN]),
  historicalClv: Float64Array.from([50, 0, 0]),
  responseNote: [null, NO_RESPONSE, null],
  clvSource: ["orders", "profiles", null],
  clvNote: [null, null, NO_CLV],
  pca: new Float64Array(9),
};
const keyed: KeyedSegment[] = [{ label: 0, segmentKey: 0, name: "A", color: "blue", isNew: true, distance: null, returnedFrom: null }];

export function defineScoreNotesSuite(provider: TestProvider): void {
  describe(`score notes on ${provider}`, () => {
    let database: TestDatabase;
    let db: typeof import("@/lib/db/internal/client").db;

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      ({ db } = await import("@/lib/db/internal/client"));
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    test("the retrain writer stores each customer's notes and CLV source, and null where there is nothing to say", async () => {
      const [{ writeRunOutcome }, { toScoreRows }, { beginSeededRun, scoresOnlyOutcome }] = await Promise.all([
        import("@/lib/db/runs"),
        import("@/lib/services/retrain/outcome"),
        import("@/tests/support/seedScoredRun"),
      ]);
      const customerIds: number[] = [];
      for (const externalId of scores.externalIds) {
        const { id } = await db.customer.create({ data: { externalId, contentHash: externalId }, select: { id: true } });
        customerIds.push(id);
      }
      const { runId, release } = await beginSeededRun(1, {}, customerIds.length);
      const rows = toScoreRows(scores, customerIds, keyed, new Float64Array(customerIds.length));
      await writeRunOutcome(runId, scoresOnlyOutcome(runId, rows, { activate: false }));
      await release();
      const stored = await readRunScoreRows(runId);
      expect(
        stored.map(({ responseProbability, responseNote, clv, clvSource, clvNote }) => ({ responseProbability, responseNote, clv, clvSource, clvNote })),
      ).toEqual([
        { responseProbability: 0.4, responseNote: null, clv: 120, clvSource: "orders", clvNote: null },
        { responseProbability: null, responseNote: NO_RESPONSE, clv: 80, clvSource: "profiles", clvNote: null },
        { responseProbability: 0.2, responseNote: null, clv: null, clvSource: null, clvNote: NO_CLV },
      ]);
    });
  });
}
