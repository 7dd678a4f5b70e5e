/**
 * A retrain whose active run stored no reference statistics of the usual shape (a seeded run
 * stores `{}`, as the benches and dashboard tests make them) trains and is decided as usual, with
 * no drift measured against it, instead of failing in the drift stage.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase } from "./support/databases";

let database: TestDatabase;
let db: typeof import("@/lib/db/internal/client").db;

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  ({ db } = await import("@/lib/db/internal/client"));
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

test("a retrain after a seeded active run is decided, with no drift against it", async () => {
  const [{ seedScoredRun }, { runRetrain }] = await Promise.all([import("@/tests/support/seedScoredRun"), import("@/lib/services/retrain/runRetrain")]);
  const { runId: seeded } = await seedScoredRun({ customers: 300 });
  expect(await db.modelRun.findUniqueOrThrow({ where: { id: seeded }, select: { reference: true } })).toEqual({ reference: {} });
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: { spaces: ["standardized"], kMax: 4, folds: 3 } });
  expect(outcome.status).not.toBe("FAILED");
  const run = await db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId }, select: { drift: true, stability: true } });
  expect(run.drift).toBeNull();
  // Stability needs only the seeded run's segment keys, which it has: made up at random, they agree with no real segmentation.
  expect(run.stability).toMatchObject({ commonCustomers: 300, matchedSegments: 0, disappearedSegments: 5 });
  expect(Math.abs((run.stability as { adjustedRandIndex: number }).adjustedRandIndex)).toBeLessThan(0.05);
}, 120_000);
