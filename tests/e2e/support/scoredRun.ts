/**
 * `tsx --conditions react-server tests/e2e/support/scoredRun.ts seed|remove` — adds a seeded,
 * active run (tests/support/seedScoredRun.ts: 3,000 synthetic customers, no training) to the
 * e2e database for the dashboard specs, and removes it again afterwards so the specs that run
 * later in the same database (import, retrain) still start from no customers and no model.
 */
import { db } from "@/lib/db/internal/client";
import { seedScoredRun } from "@/tests/support/seedScoredRun";

const command = process.argv[2];
if (command === "seed") {
  const { runId } = await seedScoredRun({ customers: 3_000, seed: 11, edits: [{ education: "=1+1" }] });
  console.log(JSON.stringify({ runId }));
} else if (command === "remove") {
  const runs = await db.modelRun.findMany({ where: { artifacts: { some: { name: "seeded" } } }, select: { id: true } });
  const ids = runs.map((run) => run.id);
  await db.runActivation.deleteMany({ where: { runId: { in: ids } } });
  await db.modelRun.deleteMany({ where: { id: { in: ids } } });
  await db.customer.deleteMany({ where: { contentHash: { startsWith: "seed-" } } });
} else {
  throw new Error("usage: scoredRun.ts seed|remove");
}
await db.$disconnect();
