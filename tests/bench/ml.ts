/**
 * `npm run bench:ml` — wall time of every training stage on the real marketing file and on
 * 100,000 synthetic customers with their order lines, and the scoring throughput on 100,000.
 */
import path from "node:path";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { readCustomersFile } from "@/lib/import";
import { readTfBackendName } from "@/lib/ml/tf";
import { score, trainAll, type TrainData, type TrainResult } from "@/lib/ml/train";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const SYNTHETIC_ROWS = Number(process.argv[2] ?? 100_000);

function printStages(label: string, result: TrainResult, wallMs: number): void {
  console.log(`\n${label}: ${(wallMs / 1000).toFixed(1)} s wall`);
  for (const [stage, ms] of Object.entries(result.timings)) console.log(`  ${stage.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  const { segmentation, response, clv } = result.metrics;
  console.log(
    `  → k=${segmentation.k} (${segmentation.space}, silhouette ${segmentation.silhouette.toFixed(3)})` +
      (response
        ? `, CV AUC ${Object.entries(response.cvAuc)
            .map(([kind, auc]) => `${kind} ${auc!.toFixed(3)}`)
            .join(" / ")}, champion ${response.champion}`
        : "") +
      (clv ? `, CLV from ${clv.source}` : ""),
  );
}

async function timed(label: string, data: TrainData): Promise<TrainResult> {
  const started = performance.now();
  const result = await trainAll(data, { seed: 42 });
  printStages(label, result, performance.now() - started);
  return result;
}

console.log(`tfjs backend: ${await readTfBackendName()}`);
const real = await readCustomersFile(REAL_FILE);
await timed(`real file (${real.records.length} customers)`, { customers: real.records });

const customers = generateCustomers({ seed: 42, count: SYNTHETIC_ROWS });
const orders = generateOrders(customers, { seed: 42 });
const result = await timed(`synthetic (${customers.length} customers, ${orders.length} order lines)`, { customers, orders });

const started = performance.now();
const scored = await score({ customers, orders }, result.models);
const seconds = (performance.now() - started) / 1000;
console.log(`\nscoring ${scored.segment.length} customers: ${seconds.toFixed(2)} s (${Math.round(scored.segment.length / seconds)} customers/s)`);
