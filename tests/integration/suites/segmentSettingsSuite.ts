/**
 * The administrator's segment settings against a real database, once per provider: saved as a
 * Setting, read back (a hand-edited row that does not parse counts as the defaults), and
 * flowing into a retrain's stored config and its choice of k, under what the request names.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const LIGHT = { spaces: ["standardized" as const], folds: 3 };

export function defineSegmentSettingsSuite(provider: TestProvider): void {
  describe(`segment settings on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      settings: typeof import("@/lib/db/settings");
      runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-settings-"));
      const [{ db }, settings, { importFile }, { runRetrain }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/settings"),
        import("@/lib/services/importFile"),
        import("@/lib/services/retrain/runRetrain"),
      ]);
      lib = { db, settings, runRetrain };
      const file = path.join(tempDir, "customers.csv");
      fs.writeFileSync(file, `${CUSTOMER_CSV_HEADER}\n${formatCustomerLines(generateCustomers({ seed: 3, count: 300 }))}`);
      expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    test("without a saved setting the defaults apply: k from 3 to 8, every segment at least 5%", async () => {
      expect(await lib.settings.getSegmentSettings()).toEqual({ kMin: 3, kMax: 8, minShare: 0.05, fixedK: null, updatedAt: null });
    });

    test("a hand-edited setting that does not parse counts as the defaults", async () => {
      await lib.db.setting.create({ data: { key: "training.segments", value: { kMin: 6, kMax: 4, minShare: 0.05, fixedK: null } } });
      expect(await lib.settings.getSegmentSettings()).toMatchObject({ kMin: 3, kMax: 8, fixedK: null, updatedAt: null });
    });

    test("a fixed k saved by an administrator is what the next retrain uses, and its run config records the settings", async () => {
      await lib.settings.saveSegmentSettings({ kMin: 3, kMax: 5, minShare: 0.05, fixedK: 4 }, null);
      const outcome = await lib.runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
      expect(outcome.status).toBe("SUCCEEDED");
      const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId } });
      expect(run.config).toMatchObject({ kMin: 3, kMax: 5, minShare: 0.05, fixedK: 4 });
      const segmentation = (run.metrics as unknown as StoredMetrics).segmentation;
      expect(segmentation.k).toBe(4);
      expect(segmentation.kChoice?.fixed).toBe(true);
      expect(segmentation.kChoice?.reason).toMatch(/^k = 4: fixed by an administrator/);
      expect(segmentation.curve.map((point) => point.k)).toEqual([3, 4, 5]);
      expect(await lib.db.segmentProfile.count({ where: { runId: outcome.runId } })).toBe(4);
    });

    test("a request's own kMax wins over the setting, and a setting's kMin above it is lowered to it", async () => {
      await lib.settings.saveSegmentSettings({ kMin: 5, kMax: 8, minShare: 0.05, fixedK: null }, null);
      const outcome = await lib.runRetrain({ trigger: "CLI", requestedById: null, config: { ...LIGHT, kMax: 4 } });
      const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId } });
      expect(run.config).toMatchObject({ kMin: 4, kMax: 4, fixedK: null });
      expect((run.metrics as unknown as StoredMetrics).segmentation.k).toBe(4);
    });
  });
}
