/**
 * Benchmark of the response models: feature fitting, cross-validation of both learners,
 * final fit and prediction, on the real marketing file and on the team's synthetic customers.
 *   npx tsx tests/bench/response.ts [--n 100000] [--only real|synthetic] [--input customers.csv]
 * --input times a customers file instead (e.g. one from `npm run generate`).
 * Timings are wall-clock on a shared machine: read them as rough.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { generateCustomers } from "@/lib/data/synthetic";
import { readCustomersFile } from "@/lib/import";
import { fitFeaturePipeline, transformFeatures, RESPONSE_FEATURES } from "@/lib/ml/features";
import { fitResponseModels, predictResponse } from "@/lib/ml/response";
import { readTfBackendName } from "@/lib/ml/tf";
import { readMarketingCsv } from "@/tests/support/readMarketingCsv";

const args = process.argv.slice(2);
const argument = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const simulatedCount = Number(argument("--n") ?? 100_000);
const only = argument("--only");

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function snapshotAfterLastEnrolment(records: readonly CustomerRecord[]): Date {
  const last = records.reduce((latest, r) => Math.max(latest, r.dtCustomer?.getTime() ?? -Infinity), -Infinity);
  return new Date(last + 86_400_000);
}

async function bench(label: string, records: CustomerRecord[]): Promise<void> {
  const snapshotDate = snapshotAfterLastEnrolment(records);
  console.log(`\n## ${label}: ${records.length} customers, snapshot ${snapshotDate.toISOString().slice(0, 10)}`);
  let started = performance.now();
  const pipeline = fitFeaturePipeline(records, { snapshotDate, features: RESPONSE_FEATURES, seed: 1 });
  const fitMs = performance.now() - started;
  started = performance.now();
  transformFeatures(pipeline, records);
  console.log(`features: fit ${seconds(fitMs)}, transform ${seconds(performance.now() - started)} (${pipeline.features.length} columns)`);

  started = performance.now();
  const cpuStarted = process.cpuUsage();
  const report = await fitResponseModels(records, {
    snapshotDate,
    seed: 42,
    onProgress: (message) => console.log(`  [${seconds(performance.now() - started)}] ${message}`),
  });
  const fitAllMs = performance.now() - started;
  const fitAllCpu = process.cpuUsage(cpuStarted);
  started = performance.now();
  const predictions = await predictResponse(report, records);
  const predictMs = performance.now() - started;

  for (const [kind, cv] of Object.entries(report.cv)) {
    console.log(
      `${kind.padEnd(8)} CV ROC AUC ${cv!.meanAuc.toFixed(4)} ± ${cv!.stdAuc.toFixed(4)} ` +
        `(folds ${cv!.foldAucs.map((a) => a.toFixed(3)).join(" ")}), raw OOF Brier ${cv!.brier.toFixed(4)}, CV time ${seconds(cv!.milliseconds)}`,
    );
  }
  const m = report.metrics;
  console.log(
    `champion: ${report.champion}; PR AUC ${m.prAuc.toFixed(4)}; accuracy@0.5 ${m.atHalf.accuracy.toFixed(4)} (majority ${m.majorityBaseline.toFixed(4)})`,
  );
  console.log(`Brier before calibration ${report.calibration.brierBefore.toFixed(4)}, after ${report.calibration.brierAfter.toFixed(4)} (cross-fitted)`);
  console.log(
    `lift top decile ${m.gains[0].lift.toFixed(2)}; profit threshold ${report.threshold.threshold?.toFixed(3)}: profit ${report.threshold.profit} vs ${report.threshold.contactAll.profit} contacting all`,
  );
  console.log(
    `top features: ${report.importance
      ?.slice(0, 6)
      .map((f) => `${f.feature} ${f.aucDrop.toFixed(3)}`)
      .join(", ")}`,
  );
  console.log(`timings (ms): ${JSON.stringify(report.timings)}`);
  console.log(
    `fitResponseModels ${seconds(fitAllMs)} wall, ${seconds((fitAllCpu.user + fitAllCpu.system) / 1000)} CPU; predictResponse ${seconds(predictMs)} for ${predictions.length} rows`,
  );
  for (const note of report.notes) console.log(`note: ${note}`);
}

console.log(`tfjs backend: ${await readTfBackendName()}`);
const input = argument("--input");
if (input) await bench(input, (await readCustomersFile(input)).records);
else if (only !== "synthetic") await bench("marketing_campaign.csv", readMarketingCsv());
if (!input && only !== "real") await bench("synthetic (lib/data/synthetic.ts)", generateCustomers({ seed: 2024, count: simulatedCount }));
