/**
 * The promotion gate's CLV rule through the real retrain path, run once per provider: a first
 * run on customers with order lines is promoted; an order file for a few new customers of the
 * same kind leaves the others' CLV in place and is promoted; an unrelated order file for many
 * new big spenders refits the spend model, moves the CLV of customers whose own data did not
 * change, and is held for review — not promoted, the active run unchanged — until an analyst
 * makes it active by hand.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import type { OrderRecord } from "@/lib/data/customer";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import type { GateDecision, GateRule } from "@/lib/ml/promotion";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";
import { countRunScores, readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMERS = 400;
const CLV_RULE = "CLV of unchanged customers";
/** Only the CLV shift rule at its defaults: segmentation, response and backtest rules let everything through. */
const CONFIG = {
  spaces: ["standardized"],
  kMax: 5,
  folds: 3,
  tolerances: { maxAucDrop: 1, maxSilhouetteDrop: 1, minAuc: 0, maxClvSpearmanDrop: 2, maxClvErrorRise: 100 },
} satisfies RetrainConfig;
const HEAVY_TEST_MS = 300_000;

type Db = typeof import("@/lib/db/internal/client").db;

export function definePromotionGateSuite(provider: TestProvider): void {
  describe(`the promotion gate's CLV rule on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let db: Db;
    let importFile: typeof import("@/lib/services/importFile").importFile;
    let runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
    let getActiveRunId: typeof import("@/lib/db/activeRun").getActiveRunId;
    let promotedRunId: number;
    let heldRunId: number;

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-"));
      ({ db } = await import("@/lib/db/internal/client"));
      ({ importFile } = await import("@/lib/services/importFile"));
      ({ runRetrain } = await import("@/lib/services/retrain/runRetrain"));
      ({ getActiveRunId } = await import("@/lib/db/activeRun"));
      const customers = generateCustomers({ seed: 1, count: CUSTOMERS });
      await importText("customers", CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(customers));
      await importText("orders", ORDER_CSV_HEADER + "\n" + formatOrderLines(generateOrders(customers, { seed: 1 })));
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    async function importText(kind: "customers" | "orders", text: string): Promise<void> {
      const file = path.join(tempDir, `${kind}-${fs.readdirSync(tempDir).length + 1}.csv`);
      fs.writeFileSync(file, text);
      const summary = await importFile({ kind, source: file, fileName: path.basename(file), userId: null });
      expect(summary.status).toBe("SUCCEEDED");
    }

    /** Order lines for customers the database does not know yet (they are created from the file), amounts scaled. */
    async function importNewCustomersOrders(start: number, count: number, amountFactor: number): Promise<void> {
      const newcomers = generateCustomers({ seed: 2, start, count });
      const orders: OrderRecord[] = generateOrders(newcomers, { seed: 2 }).map((order) => ({ ...order, amount: order.amount * amountFactor }));
      await importText("orders", ORDER_CSV_HEADER + "\n" + formatOrderLines(orders));
    }

    const retrain = () => runRetrain({ trigger: "CLI", requestedById: null, config: CONFIG });
    const decisionOf = async (runId: number) => (await db.modelRun.findUniqueOrThrow({ where: { id: runId } })).decision as unknown as GateDecision;
    const ruleOf = (decision: GateDecision, name: string): GateRule => decision.rules.find((rule) => rule.rule === name)!;

    /** Counted straight from the stored scores: customers with the same fingerprint and a positive CLV before, and how many moved by more than 25%. */
    async function clvMoves(beforeRunId: number, afterRunId: number): Promise<{ compared: number; moved: number }> {
      const [before, after] = await Promise.all([beforeRunId, afterRunId].map((runId) => readRunScoreRows(runId)));
      const old = new Map(before.map((row) => [row.customerId, row]));
      let compared = 0;
      let moved = 0;
      for (const row of after) {
        const previous = old.get(row.customerId);
        if (!previous || previous.inputHash !== row.inputHash || !(previous.clv! > 0) || row.clv === null) continue;
        compared++;
        if (Math.abs(row.clv - previous.clv!) / previous.clv! > 0.25) moved++;
      }
      return { compared, moved };
    }

    test(
      "the first run is promoted and stores each customer's data fingerprint; the comparisons say no model was active",
      async () => {
        const outcome = await retrain();
        expect(outcome).toMatchObject({ status: "SUCCEEDED", review: false });
        const scores = await readRunScoreRows(outcome.runId);
        expect(scores).toHaveLength(CUSTOMERS);
        expect(scores.filter((row) => !/^[0-9a-f]{1,14}$/.test(row.inputHash ?? ""))).toEqual([]);
        expect(new Set(scores.map((row) => row.inputHash)).size).toBe(CUSTOMERS);
        expect(ruleOf(await decisionOf(outcome.runId), CLV_RULE)).toMatchObject({ outcome: "not applicable", detail: "no model was active" });
        promotedRunId = outcome.runId;
      },
      HEAVY_TEST_MS,
    );

    test(
      "order lines for a few new customers of the same kind leave the others' CLV in place: promoted, the CLV rule passed",
      async () => {
        await importNewCustomersOrders(CUSTOMERS, CUSTOMERS / 10, 1);
        const outcome = await retrain();
        expect(outcome.status).toBe("SUCCEEDED");
        const { compared, moved } = await clvMoves(promotedRunId, outcome.runId);
        expect(compared).toBe(await countRunScores(promotedRunId, (score) => score.clv !== null && score.clv > 0));
        expect(moved * 2).toBeLessThanOrEqual(compared);
        const decision = await decisionOf(outcome.runId);
        expect(ruleOf(decision, CLV_RULE)).toMatchObject({
          outcome: "passed",
          candidate: expect.stringContaining(`${moved} of ${compared.toLocaleString("en-US")} (`),
        });
        expect(["passed", "not applicable"]).toContain(ruleOf(decision, "CLV backtest").outcome);
        expect(await getActiveRunId()).toBe(outcome.runId);
        promotedRunId = outcome.runId;
      },
      HEAVY_TEST_MS,
    );

    test(
      "an unrelated order file of big spenders moves most unchanged customers' CLV: held for review, not promoted, the active run stays",
      async () => {
        const activationsBefore = await db.runActivation.count();
        await importNewCustomersOrders(2 * CUSTOMERS, CUSTOMERS, 10);
        const outcome = await retrain();
        expect(outcome).toMatchObject({ status: "REJECTED", review: true });

        const { compared, moved } = await clvMoves(promotedRunId, outcome.runId);
        // Every earlier customer kept their data: all with a positive CLV are compared, and most moved.
        expect(compared).toBe(await countRunScores(promotedRunId, (score) => score.clv !== null && score.clv > 0));
        expect(moved * 2).toBeGreaterThan(compared);
        const share = `${Math.round((moved / compared) * 100)}%`;
        expect(outcome.reasons).toEqual([
          expect.stringMatching(
            new RegExp(
              `^CLV moved by more than 25% for ${moved.toLocaleString("en-US")} of ${compared.toLocaleString("en-US")} customers \\(${share}\\) whose own data did not change; median change [+−]\\d+%$`,
            ),
          ),
        ]);
        const run = await db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId } });
        expect(run).toMatchObject({ status: "REJECTED", decision: { promote: false, review: true, reasons: outcome.reasons } });
        expect(ruleOf(run.decision as unknown as GateDecision, CLV_RULE).outcome).toBe("held for review");
        expect(await getActiveRunId()).toBe(promotedRunId);
        expect(await db.runActivation.count()).toBe(activationsBefore);
        expect(await db.auditLog.findFirst({ where: { target: `run:${outcome.runId}` } })).toMatchObject({
          action: "run.held",
          details: { reasons: outcome.reasons },
        });
        heldRunId = outcome.runId;
      },
      HEAVY_TEST_MS,
    );

    test("a run held for review can still be made active by hand, and the override is audited", async () => {
      const [{ findActivationOption }, { activateRun }, { listActivations }] = await Promise.all([
        import("@/lib/services/retrain/activation"),
        import("@/lib/db/runs"),
        import("@/lib/db/activeRun"),
      ]);
      const run = await db.modelRun.findUniqueOrThrow({ where: { id: heldRunId } });
      expect(findActivationOption(run, promotedRunId)).toMatchObject({ reason: "forced" });
      const user = await db.user.create({ data: { email: "analyst@example.com", name: "Analyst", role: "ANALYST", passwordHash: "x" } });
      await activateRun(heldRunId, user.id, "forced", "the new shop's customers are real; CLV checked by hand");
      expect(await getActiveRunId()).toBe(heldRunId);
      expect(await db.auditLog.findFirst({ where: { action: "run.forced", target: `run:${heldRunId}` } })).toMatchObject({ userId: user.id });
      // The activation history shows the reason typed, beside who made the switch.
      expect((await listActivations())[0]).toMatchObject({
        runId: heldRunId,
        reason: "forced",
        note: "the new shop's customers are real; CLV checked by hand",
        activatedBy: "analyst@example.com",
      });
    });
  });
}
