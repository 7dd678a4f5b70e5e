/**
 * Persona identity and colour across real retrains on SQLite: a second run on the same
 * customers keeps every persona's key, name and colour; a persona absent from the active run
 * comes back under its old key and colour, not as new; and each persona's quoted means are the
 * dashboards' averages. Light set-up (one space, k ≤ 5, 3 folds) on 800 synthetic customers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import type { FeatureStatistic } from "@/lib/ml/personas";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";
import type { RunSummary } from "@/lib/runs/summary";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const LIGHT = { spaces: ["standardized"], kMax: 5, folds: 3 } satisfies RetrainConfig;

let database: TestDatabase;
let tempDir: string;
let db: typeof import("@/lib/db/internal/client").db;
let runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "personas-"));
  ({ db } = await import("@/lib/db/internal/client"));
  ({ runRetrain } = await import("@/lib/services/retrain/runRetrain"));
  const { importFile } = await import("@/lib/services/importFile");
  const file = path.join(tempDir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 5, count: 800 })));
  expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

const retrain = async () => {
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
  expect(outcome.status).toBe("SUCCEEDED");
  return outcome.runId;
};
const segmentsOf = (runId: number) => db.segmentProfile.findMany({ where: { runId }, orderBy: { segmentKey: "asc" } });
const identity = (segment: { segmentKey: number; name: string; color: string }) => ({ key: segment.segmentKey, name: segment.name, color: segment.color });

describe("persona identity across runs", () => {
  let first: number;

  test("a first run gives every persona its own colour, and its text quotes the dashboards' averages", async () => {
    first = await retrain();
    const segments = await segmentsOf(first);
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(segments.map((segment) => segment.color)).size).toBe(segments.length);
    const run = await db.modelRun.findUniqueOrThrow({ where: { id: first } });
    const summary = run.summary as unknown as RunSummary;
    for (const segment of segments) {
      const income = (segment.profile as unknown as { features: FeatureStatistic[] }).features.find((feature) => feature.name === "income")!;
      const stats = summary.segments.find((row) => row.segmentKey === segment.segmentKey)!;
      expect(income.mean).toBeCloseTo(stats.averageIncome!, 6);
    }
  });

  test("a second run on the same customers keeps every persona's key, name and colour, none of them new", async () => {
    const before = await segmentsOf(first);
    const second = await retrain();
    const after = await segmentsOf(second);
    expect(after.map(identity)).toEqual(before.map(identity));
    expect(after.every((segment) => !segment.isNew)).toBe(true);
  });

  test("a persona absent from the active run comes back with its old key and colour, not as new", async () => {
    const active = (await db.runActivation.findFirstOrThrow({ orderBy: { id: "desc" } })).runId;
    const [gone] = await segmentsOf(first);
    // The active run showed another persona in its place: far away, under a key of its own, in a colour of its own.
    const stand = await db.segmentProfile.findFirstOrThrow({ where: { runId: active, segmentKey: gone.segmentKey } });
    const far = (stand.centroid as number[]).map((value) => value + 100);
    const largest = (await db.segmentProfile.aggregate({ _max: { segmentKey: true } }))._max.segmentKey!;
    await db.segmentProfile.update({ where: { id: stand.id }, data: { segmentKey: largest + 1, name: "Stand-in", color: "yellow", centroid: far } });
    const third = await retrain();
    const back = (await segmentsOf(third)).find((segment) => segment.segmentKey === gone.segmentKey)!;
    expect(identity(back)).toEqual(identity(gone));
    expect(back.isNew).toBe(false);
    expect((back.profile as unknown as { returnedFrom: number | null }).returnedFrom).toBe(first);
    const colors = (await segmentsOf(third)).map((segment) => segment.color);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
