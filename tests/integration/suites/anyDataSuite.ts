/**
 * A business's own data through the real import and retrain paths, once per provider: an
 * order-only shop of 92 customers (quantity × unit price, returns, cancelled orders, M/D/YYYY
 * dates), then — after removing it — profiles for everyone with order lines for half of them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import { createEmptyCustomer } from "@/lib/data/customer";
import { generateCustomers } from "@/lib/data/synthetic";
import { BUSINESS_CHANNELS, BUSINESS_CATEGORIES } from "@/lib/data/syntheticBusinessTypes";
import { writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { generateOrders } from "@/lib/data/syntheticOrders";
import type { TrainMetrics } from "@/lib/ml/train";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";
import { countRunScores, readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const LIGHT = { spaces: ["standardized"], kMax: 6, folds: 3 } satisfies RetrainConfig;
const MARKETING_WORDS = /wine|meat|fish|fruit|sweets|gold|deal|catalogue|in store|website|income|children/i;
const HEAVY_TEST_MS = 300_000;

type Metrics = TrainMetrics & { skipped: { model: string; reason: string }[] };

export function defineAnyDataSuite(provider: TestProvider): void {
  describe(`a business's own data on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      importFile: typeof import("@/lib/services/importFile").importFile;
      runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
      removeBusinessData: typeof import("@/lib/services/resetData").removeBusinessData;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "any-data-"));
      const [{ db }, { importFile }, { runRetrain }, { removeBusinessData }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/services/importFile"),
        import("@/lib/services/retrain/runRetrain"),
        import("@/lib/services/resetData"),
      ]);
      lib = { db, importFile, runRetrain, removeBusinessData };
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    async function importText(kind: "customers" | "orders", name: string, text: string) {
      const file = path.join(tempDir, name);
      fs.writeFileSync(file, text);
      const summary = await lib.importFile({ kind, source: file, fileName: name, userId: null });
      expect(summary.status, summary.error ?? "").toBe("SUCCEEDED");
    }

    const retrain = () => lib.runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
    const runOf = (id: number) => lib.db.modelRun.findUniqueOrThrow({ where: { id }, include: { segments: true } });

    test(
      "an order-only shop of 92 customers gets segments, personas in its own words and CLV; no response model, with the reason",
      async () => {
        const file = path.join(tempDir, "shop.csv");
        await writeOrderBusinessCsv({ customers: 92, seed: 3, out: fs.createWriteStream(file) });
        await importText("orders", "shop.csv", fs.readFileSync(file, "utf8"));
        const kinds = await lib.db.order.groupBy({ by: ["kind"], _count: true });
        expect(kinds.map((row) => row.kind).sort()).toEqual(["cancelled", "return", "sale"]);

        const outcome = await retrain();
        expect(outcome.status).toBe("SUCCEEDED");
        const run = await runOf(outcome.runId);
        const metrics = run.metrics as unknown as Metrics;
        expect(metrics.segmentation.source).toBe("orders");
        expect(metrics.segmentation.warnings?.[0]).toMatch(/^Segments from 92 customers are fragile/);
        expect(metrics.skipped).toContainEqual({ model: "response", reason: "no Response column" });

        const own = [...BUSINESS_CATEGORIES, ...BUSINESS_CHANNELS];
        for (const segment of run.segments) {
          const profile = segment.profile as { actions: { title: string; detail: string }[] };
          const text = [segment.name, segment.description, ...profile.actions.map((action) => `${action.title} ${action.detail}`)].join(" ");
          expect(text).not.toMatch(MARKETING_WORDS);
        }
        expect(run.segments.some((segment) => own.some((word) => segment.name.includes(word)))).toBe(true);

        const buyers = await lib.db.order.findMany({ where: { kind: "sale" }, distinct: ["customerId"], select: { customerId: true } });
        const scores = await readRunScoreRows(run.id);
        expect(scores).toHaveLength(92);
        expect(metrics.clv?.coverage).toMatchObject({ customers: 92, orders: buyers.length, profiles: 0 });
        const withClv = scores
          .filter((row) => row.clv !== null && row.pAlive !== null)
          .map((row) => row.customerId)
          .sort((a, b) => a - b);
        expect(withClv).toEqual(buyers.map((row) => row.customerId).sort((a, b) => a - b));
        expect(scores.every((row) => row.responseProbability === null && row.responseNote === "no response model in this run: no Response column")).toBe(true);

        // The scoring API gets no order lines: it places no one in an order-line segment, and says why.
        const { loadActiveModels, scoreCustomers } = await import("@/lib/services/scoring");
        const [result] = scoreCustomers((await loadActiveModels())!, [createEmptyCustomer("API-1")]);
        expect(result).toMatchObject({
          segment: null,
          segmentNote: expect.stringMatching(/order lines, which the API does not carry/),
          responseProbability: null,
        });
      },
      HEAVY_TEST_MS,
    );

    test(
      "with profiles for everyone and order lines for half, every customer gets a CLV, counted by source; one far outside the response model's range gets no response score",
      async () => {
        await lib.removeBusinessData({ userId: null, via: "cli" });
        // One customer far outside what the response model trains on (no Response, so not among its training rows).
        const customers = generateCustomers({ seed: 4, count: 400 }).map((customer, i) =>
          i === 7 ? { ...customer, recency: 4_010, response: null } : customer,
        );
        await importText("customers", "profiles.csv", CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(customers));
        const half = customers.filter((_, i) => i % 2 === 0);
        await importText("orders", "orders.csv", ORDER_CSV_HEADER + "\n" + formatOrderLines(generateOrders(half, { seed: 4 })));

        const outcome = await retrain();
        expect(outcome.status).toBe("SUCCEEDED");
        const metrics = (await runOf(outcome.runId)).metrics as unknown as Metrics;
        const coverage = metrics.clv!.coverage!;
        const withOrders = (await lib.db.order.findMany({ distinct: ["customerId"], select: { customerId: true } })).length;
        expect(coverage).toMatchObject({ customers: 400, orders: withOrders });
        expect(coverage.orders + coverage.profiles + coverage.none).toBe(400);
        expect(coverage.profiles).toBeGreaterThan(150);
        const scored = await countRunScores(outcome.runId, (score) => score.clv !== null);
        expect(scored).toBe(coverage.orders + coverage.profiles);

        const outlier = await lib.db.customer.findUniqueOrThrow({ where: { externalId: customers[7].externalId } });
        const outlierScore = (await readRunScoreRows(outcome.runId)).find((score) => score.customerId === outlier.id);
        expect(outlierScore).toMatchObject({
          responseProbability: null,
          responseNote: expect.stringMatching(/^days since the last purchase far outside the range the response model was trained on/),
        });
        const declined = await countRunScores(outcome.runId, (score) => score.responseProbability === null);
        expect(declined).toBe(1);
      },
      HEAVY_TEST_MS,
    );
  });
}
