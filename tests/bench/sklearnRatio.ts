/**
 * `npm run bench:sklearn [-- --input FILE]` — our trainAll and scikit-learn doing the same jobs
 * (tests/bench/sklearn_same_jobs.py) on the same file in one run: both times, their ratio and
 * both response CV AUCs. CLV (BG/NBD, not in scikit-learn) is timed on our side but left out of
 * the ratio. Installs Debian's python3-sklearn when /usr/bin/python3 lacks it (pyenv's python3
 * on PATH has none). scikit-learn runs on one thread (OMP_NUM_THREADS=1); our k-means may use
 * worker threads. Wall-clock on whatever else the machine runs: read the ratio as rough.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CustomerRecord } from "@/lib/data/customer";
import { readCustomersFile } from "@/lib/import";
import { fitFeaturePipeline, RESPONSE_FEATURES, SEGMENTATION_FEATURES, transformFeatures, type FeatureName } from "@/lib/ml/features";
import { K_RULE_DEFAULTS } from "@/lib/ml/segmentation/kRule";
import { trainAll } from "@/lib/ml/train";
import { inferSnapshotDate } from "@/lib/ml/train/snapshot";

const PYTHON = "/usr/bin/python3";
const SCRIPT = path.resolve("tests/bench/sklearn_same_jobs.py");
const SEED = 42;
/** trainAll's stages that scikit-learn has no counterpart for. */
const CLV_STAGES = ["summaries", "clv", "clvBacktest"];

const { values } = parseArgs({ options: { input: { type: "string", default: path.resolve("../shared/data/marketing_campaign.csv") } } });
const input = values.input!;

function ensureSklearn(): void {
  if (spawnSync(PYTHON, ["-c", "import sklearn"]).status === 0) return;
  console.log("python3-sklearn is missing: apt-get install -y python3-sklearn");
  const install = spawnSync("apt-get", ["install", "-y", "python3-sklearn"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (install.status !== 0) throw new Error("could not install python3-sklearn (run as root, or install it yourself)");
}

/** Our own feature matrix as CSV, so both sides learn from the same numbers. */
function writeMatrix(file: string, records: readonly CustomerRecord[], features: readonly FeatureName[], snapshotDate: Date, withResponse: boolean): void {
  const { matrix, names, columns, rows } = transformFeatures(fitFeaturePipeline(records, { snapshotDate, features, seed: SEED }), records);
  const lines = [[...names, ...(withResponse ? ["response"] : [])].join(",")];
  for (let i = 0; i < rows; i++) {
    const row = Array.from(matrix.subarray(i * columns, (i + 1) * columns), (value) => value.toPrecision(8));
    if (withResponse) row.push(String(records[i].response));
    lines.push(row.join(","));
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

interface SklearnOutcome {
  total: number;
  cpu: number;
  cvAuc: Record<string, number>;
  champion: string;
}

function runSklearn(customers: readonly CustomerRecord[], snapshotDate: Date): SklearnOutcome {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "sklearn-jobs-"));
  try {
    const segmentation = path.join(directory, "segmentation.csv");
    const response = path.join(directory, "response.csv");
    writeMatrix(segmentation, customers, SEGMENTATION_FEATURES, snapshotDate, false);
    writeMatrix(
      response,
      customers.filter((customer) => customer.response !== null),
      RESPONSE_FEATURES,
      snapshotDate,
      true,
    );
    const args = [
      SCRIPT,
      "--segmentation",
      segmentation,
      "--response",
      response,
      "--k-min",
      String(K_RULE_DEFAULTS.kMin),
      "--k-max",
      String(K_RULE_DEFAULTS.kMax),
    ];
    // One thread: OpenMP's spinning workers made k-means 20 times slower on a busy two-core machine.
    const env = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
    const run = spawnSync(PYTHON, [...args, "--seed", String(SEED)], { encoding: "utf8", maxBuffer: 16 << 20, env });
    if (run.status !== 0) throw new Error(`sklearn_same_jobs.py failed:\n${run.stderr}`);
    const lines = run.stdout.trimEnd().split("\n");
    console.log(lines.slice(0, -1).join("\n"));
    return JSON.parse(lines.at(-1)!) as SklearnOutcome;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

ensureSklearn();
const { records: customers } = await readCustomersFile(input);
const snapshotDate = inferSnapshotDate(customers);
console.log(`${input}: ${customers.length} customers, snapshot ${snapshotDate.toISOString().slice(0, 10)}\n\nscikit-learn:`);
const sklearn = runSklearn(customers, snapshotDate);

const started = performance.now();
const cpuStarted = process.cpuUsage();
const ours = await trainAll({ customers }, { seed: SEED });
const oursTotal = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpuStarted);
const oursCpu = (cpuUsed.user + cpuUsed.system) / 1e6;
const clv = CLV_STAGES.reduce((sum, stage) => sum + (ours.timings[stage] ?? 0), 0) / 1000;
console.log("\nours (trainAll):");
for (const stage of ["features", "segmentation", "classifier", "response", "personas", ...CLV_STAGES]) {
  console.log(`  ours ${stage.padEnd(40)} ${((ours.timings[stage] ?? 0) / 1000).toFixed(2).padStart(8)} s`);
}
const response = ours.metrics.response;
const oursAuc = response ? response.cvAuc[response.champion]!.toFixed(4) : "none";
const comparable = oursTotal - clv;
console.log(
  `\nscikit-learn ${sklearn.total.toFixed(2)} s; ours ${comparable.toFixed(2)} s without CLV (${oursTotal.toFixed(2)} s with its ${clv.toFixed(2)} s)`,
);
console.log(`ratio ours / scikit-learn: ${(comparable / sklearn.total).toFixed(2)} wall`);
// CPU time counts every thread and what a busy machine took from us less; CLV is in ours here (it is small).
console.log(`CPU: scikit-learn ${sklearn.cpu.toFixed(2)} s, ours ${oursCpu.toFixed(2)} s with CLV: ratio ${(oursCpu / sklearn.cpu).toFixed(2)}`);
const listAucs = (aucs: Partial<Record<string, number>>) =>
  Object.entries(aucs)
    .map(([kind, auc]) => `${kind} ${auc!.toFixed(4)}`)
    .join(", ");
console.log(
  `champion CV ROC AUC: ours ${oursAuc} (${response?.champion ?? "none"}), scikit-learn ${sklearn.cvAuc[sklearn.champion].toFixed(4)} (${sklearn.champion})`,
);
console.log(`every model's CV ROC AUC: ours ${response ? listAucs(response.cvAuc) : "none"}; scikit-learn ${listAucs(sklearn.cvAuc)}`);
