/**
 * A real retrain stores the campaign planner's targeting aggregate with its summary, and the
 * aggregate agrees with the scores it wrote: per segment, the same customers and the same sum
 * of response probabilities; its recommended campaign is exactly the stored scores above its
 * threshold, and the planner's most profitable audience.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { planCampaign } from "@/lib/campaign/plan";
import type { TargetingAggregate } from "@/lib/campaign/targeting";
import type { RunCampaign } from "@/lib/runs/summary";
import { groupBy } from "@/tests/support/groupBy";
import { readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase } from "./support/databases";

let database: TestDatabase;
let tempDir: string;

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "targeting-"));
});

afterAll(async () => {
  const { db } = await import("@/lib/db/internal/client");
  await db.$disconnect();
  await database?.drop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

test("a retrained run's summary holds a targeting histogram and a recommended campaign that match its scores", { timeout: 600_000 }, async () => {
  const file = path.join(tempDir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 9, count: 600 })));
  const [{ importFile }, { runRetrain }, { db }] = await Promise.all([
    import("@/lib/services/importFile"),
    import("@/lib/services/retrain/runRetrain"),
    import("@/lib/db/internal/client"),
  ]);
  await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null });
  const { runId } = await runRetrain({ trigger: "CLI", requestedById: null, config: { spaces: ["standardized"], kMax: 4, folds: 3 } });

  const run = await db.modelRun.findUniqueOrThrow({ where: { id: runId }, select: { summary: true } });
  const targeting = (run.summary as unknown as { targeting: TargetingAggregate }).targeting;
  expect(targeting.bins).toBe(200);
  const stored = (await readRunScoreRows(runId)).filter((score) => score.responseProbability !== null);
  const scores = [...groupBy(stored, (score) => String(score.segmentKey)).values()].map((group) => ({
    segmentKey: group[0].segmentKey,
    _count: group.length,
    _sum: { responseProbability: group.reduce((sum, score) => sum + score.responseProbability!, 0) },
  }));
  expect(targeting.segments.map((segment) => segment.segmentKey).sort()).toEqual(scores.map((score) => score.segmentKey).sort());
  for (const score of scores) {
    const histogram = targeting.segments.find((segment) => segment.segmentKey === score.segmentKey)!;
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(score._count);
    expect(histogram.sums.reduce((a, b) => a + b, 0)).toBeCloseTo(score._sum.responseProbability!, 6);
  }

  // The recommended campaign is the stored scores at or above its threshold, and the planner's histogram finds exactly it.
  const { recommended } = (run.summary as unknown as { campaign: RunCampaign }).campaign;
  expect(recommended.threshold).not.toBeNull();
  const campaign = stored.filter((score) => score.responseProbability! >= recommended.threshold!);
  const above = { _count: campaign.length, _sum: { responseProbability: campaign.reduce((sum, score) => sum + score.responseProbability!, 0) } };
  expect(above._count).toBe(recommended.contacts);
  expect(above._sum.responseProbability).toBeCloseTo(recommended.expectedResponders, 6);
  expect(targeting.cuts).toEqual([recommended.threshold]);
  const plan = planCampaign(targeting, { segments: [], mode: "threshold", threshold: recommended.threshold!, top: 0, economics: recommended.economics });
  expect(plan.audience.contacts).toBe(recommended.contacts);
  expect(plan.best).toMatchObject({ contacts: recommended.contacts, threshold: recommended.threshold });
  expect(plan.best.profit).toBeCloseTo(recommended.profit, 6);
});
