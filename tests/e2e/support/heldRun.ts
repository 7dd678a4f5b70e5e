/**
 * `tsx --conditions react-server tests/e2e/support/heldRun.ts` — on the database DATABASE_URL
 * names, a promoted run and then a run the promotion gate holds for review: 400 synthetic
 * customers with their order lines are trained on, then an unrelated order file of 400 new
 * customers spending ten times as much refits the spend model and moves the CLV of the first
 * 400, whose own data did not change. Prints { activeRunId, heldRunId } as JSON.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";

// Only the CLV rule at its defaults: segmentation and response may move as they like.
const CONFIG: RetrainConfig = { spaces: ["standardized"], kMax: 5, folds: 3, tolerances: { maxAucDrop: 1, maxSilhouetteDrop: 1, minAuc: 0 } };
const CUSTOMERS = 400;

const { db } = await import("@/lib/db/internal/client");
const { importFile } = await import("@/lib/services/importFile");
const { runRetrain } = await import("@/lib/services/retrain/runRetrain");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-held-"));
async function importText(kind: "customers" | "orders", name: string, text: string): Promise<void> {
  fs.writeFileSync(path.join(dir, name), text);
  const result = await importFile({ kind, source: path.join(dir, name), fileName: name, userId: null });
  if (result.status !== "SUCCEEDED") throw new Error(`import of ${name} failed: ${JSON.stringify(result)}`);
}

async function train(expected: "SUCCEEDED" | "REJECTED"): Promise<number> {
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: CONFIG });
  if (outcome.status !== expected) throw new Error(`expected the run ${expected.toLowerCase()}, got ${outcome.status}: ${outcome.reasons.join("; ")}`);
  return outcome.runId;
}

try {
  const customers = generateCustomers({ seed: 1, count: CUSTOMERS });
  await importText("customers", "customers.csv", CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(customers));
  await importText("orders", "orders.csv", ORDER_CSV_HEADER + "\n" + formatOrderLines(generateOrders(customers, { seed: 1 })));
  const activeRunId = await train("SUCCEEDED");
  const newcomers = generateCustomers({ seed: 2, start: 2 * CUSTOMERS, count: CUSTOMERS });
  const bigSpends = generateOrders(newcomers, { seed: 2 }).map((order) => ({ ...order, amount: order.amount * 10 }));
  await importText("orders", "other-shop.csv", ORDER_CSV_HEADER + "\n" + formatOrderLines(bigSpends));
  const heldRunId = await train("REJECTED");
  console.log(JSON.stringify({ activeRunId, heldRunId }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
}
