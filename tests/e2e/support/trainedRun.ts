/**
 * Gives the e2e database an active run, for specs that browse segments and scores. With no
 * active run it imports 800 synthetic customers with their order lines (so lifetime value can be
 * fitted) through the real import path, trains a light
 * run (one space, k ≤ 5, 3 folds), imports 200 more and trains again, so there is a previous
 * run to compare with and a metric history of two points. An existing active run is kept (the
 * full suite trains one in retrain.spec.ts). Prints the facts specs assert against as the
 * last line of stdout, as JSON. Run through ensureTrainedRun() (trainedRunFacts.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import type { RetrainConfig } from "@/lib/services/retrain/runRetrain";

// Both runs must become active whatever their metrics: the gate is not under test here.
const LIGHT: RetrainConfig = {
  spaces: ["standardized"],
  kMax: 5,
  folds: 3,
  tolerances: { maxAucDrop: 1, maxSilhouetteDrop: 1, minAuc: 0, maxClvSpearmanDrop: 2, maxClvErrorRise: 100, maxClvShiftShare: 1 },
};

const { db } = await import("@/lib/db/internal/client");
const { getActiveRunId } = await import("@/lib/db/activeRun");
const { importFile } = await import("@/lib/services/importFile");
const { runRetrain } = await import("@/lib/services/retrain/runRetrain");

async function importSynthetic(start: number, count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-customers-"));
  const customers = generateCustomers({ seed: 11, start, count });
  const files = [
    { kind: "customers" as const, name: `customers-${start}.csv`, text: CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(customers) },
    { kind: "orders" as const, name: `orders-${start}.csv`, text: ORDER_CSV_HEADER + "\n" + formatOrderLines(generateOrders(customers, { seed: 11 })) },
  ];
  try {
    for (const { kind, name, text } of files) {
      fs.writeFileSync(path.join(dir, name), text);
      const result = await importFile({ kind, source: path.join(dir, name), fileName: name, userId: null });
      if (result.status !== "SUCCEEDED") throw new Error(`e2e import of ${name} failed: ${JSON.stringify(result)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function train(): Promise<void> {
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
  if (outcome.status !== "SUCCEEDED") throw new Error(`e2e retrain ${outcome.status}: ${outcome.reasons.join("; ")}`);
}

if ((await getActiveRunId()) === null) {
  await importSynthetic(0, 800);
  await train();
  await importSynthetic(800, 200);
  await train();
}

const active = (await db.modelRun.findUnique({ where: { id: (await getActiveRunId())! }, select: { id: true, summary: true } }))!;
const activations = await db.runActivation.findMany({ orderBy: [{ activatedAt: "desc" }, { id: "desc" }], take: 20, select: { runId: true } });
const segments = await db.segmentProfile.findMany({ where: { runId: active.id }, orderBy: { segmentKey: "asc" } });
const previousRunId = activations.find((activation) => activation.runId !== active.id)?.runId ?? null;
const previous = previousRunId === null ? null : await db.modelRun.findUnique({ where: { id: previousRunId }, select: { summary: true } });
const facts = {
  runId: active.id,
  previousRunId,
  summary: active.summary,
  previousSummary: previous?.summary ?? null,
  segments: segments.map(({ segmentKey, name, size, share }) => ({ segmentKey, name, size, share })),
};
await db.$disconnect();
console.log(JSON.stringify(facts));
