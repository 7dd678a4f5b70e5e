/**
 * `tsx --conditions react-server tests/e2e/support/retainedRuns.ts` — on the database
 * DATABASE_URL names, three real retrains of 300 synthetic customers with the score retention
 * keeping two runs (SCORE_RETENTION_RUNS=2): the third retrain removes the first run's scores.
 * Prints { runIds } oldest first, and the first customer's external id, as JSON.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";

// Read when lib/env is first imported, below.
process.env.SCORE_RETENTION_RUNS = "2";
// Every run is promoted: retention, not the gate, is what the spec looks at.
const CONFIG: RetrainConfig = { spaces: ["standardized"], kMax: 4, folds: 3, tolerances: { maxAucDrop: 1, maxSilhouetteDrop: 1, minAuc: 0 } };

const { db } = await import("@/lib/db/internal/client");
const { backdateActivations } = await import("@/tests/support/backdateActivations");
const { importFile } = await import("@/lib/services/importFile");
const { runRetrain } = await import("@/lib/services/retrain/runRetrain");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-retained-"));
try {
  const file = path.join(dir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 5, count: 300 })));
  const imported = await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null });
  if (imported.status !== "SUCCEEDED") throw new Error(`import failed: ${JSON.stringify(imported)}`);
  const runIds: number[] = [];
  for (let seed = 1; seed <= 3; seed++) {
    const outcome = await runRetrain({ trigger: "CLI", requestedById: null, seed, config: CONFIG });
    if (outcome.status !== "SUCCEEDED") throw new Error(`run ${outcome.runId} ${outcome.status.toLowerCase()}: ${outcome.reasons.join("; ")}`);
    runIds.push(outcome.runId);
    // As if the retrains were a night apart: a run active within the hour keeps its scores (RECENTLY_ACTIVE_MS).
    await backdateActivations(24 * 3_600_000);
  }
  const customer = await db.customer.findFirstOrThrow({ orderBy: { id: "asc" }, select: { externalId: true } });
  console.log(JSON.stringify({ runIds, externalId: customer.externalId }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
}
