/**
 * Segment classifier timings: fit (defaults: 64-128-64, auto batch, ≤ 10,000 training rows)
 * and prediction of every row, on 2,240 × 24 and 100,000 × 24 seeded blob data labelled by
 * nearest true centre (what converged k-means labels are); `--tune` adds an 8-trial random
 * search on the small set.
 *   npx tsx tests/bench/assignment.ts [--tune]
 * The machine is shared: run it more than once and read the numbers as noisy.
 */
import { availableParallelism, loadavg } from "node:os";
import { fitSegmentClassifier } from "@/lib/ml/assignment/classifier";
import { argmaxSegments, predictSegmentProbabilities } from "@/lib/ml/assignment/model";
import { tuneSegmentClassifier } from "@/lib/ml/assignment/tuner";
import { createRng } from "@/lib/ml/random";
import { readTfBackendName } from "@/lib/ml/tf";

const COLUMNS = 24;
const K = 8;

/** Gaussian blobs (sd 1) around centres drawn from N(0, 1.5²) per feature; each row labelled by its nearest centre. */
function blobs(rows: number, seed: number): { X: Float64Array; labels: Int32Array } {
  const rng = createRng(seed);
  const centres = Array.from({ length: K }, () => Array.from({ length: COLUMNS }, () => 1.5 * rng.normal()));
  const X = new Float64Array(rows * COLUMNS);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const centre = centres[rng.int(K)];
    for (let c = 0; c < COLUMNS; c++) X[i * COLUMNS + c] = centre[c] + rng.normal();
    let nearest = { label: 0, distance: Infinity };
    centres.forEach((other, label) => {
      let distance = 0;
      for (let c = 0; c < COLUMNS; c++) distance += (X[i * COLUMNS + c] - other[c]) ** 2;
      if (distance < nearest.distance) nearest = { label, distance };
    });
    labels[i] = nearest.label;
  }
  return { X, labels };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2).padStart(6);

console.log(`node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}, tfjs backend ${await readTfBackendName()}`);
for (const rows of [2_240, 100_000]) {
  const { X, labels } = blobs(rows, 1);
  const size = `${rows.toLocaleString("en")} × ${COLUMNS}`;
  let started = performance.now();
  const fit = await fitSegmentClassifier(X, labels, K, { seed: 1 });
  console.log(
    `fit ${size}`.padEnd(26),
    `${seconds(started)} s`,
    `  train ${fit.rows.train}, validation ${fit.rows.validation}, test ${fit.rows.test}, batch ${fit.batchSize},`,
    `epochs ${fit.epochs} (best ${fit.bestEpoch}), held-out accuracy ${fit.heldOutAccuracy.toFixed(4)}`,
  );
  started = performance.now();
  const assigned = argmaxSegments(await predictSegmentProbabilities(fit.model, X), K);
  const agreement = assigned.filter((segment, i) => segment === labels[i]).length / rows;
  console.log(`predict ${size}`.padEnd(26), `${seconds(started)} s`, `  agreement with labels on all rows ${agreement.toFixed(4)}`);
}

if (process.argv.includes("--tune")) {
  const { X, labels } = blobs(2_240, 1);
  const started = performance.now();
  const tuned = await tuneSegmentClassifier(X, labels, K, { seed: 1, trials: 8 });
  console.log(`tune 8 trials, 2,240 × ${COLUMNS}`.padEnd(26), `${seconds(started)} s   best trial ${tuned.bestTrial}: ${JSON.stringify(tuned.best)}`);
  for (const t of tuned.trials) {
    console.log(
      `  trial ${t.trial}: ${JSON.stringify(t.hyperParameters)} val acc ${t.validationAccuracy.toFixed(4)}, val loss ${t.validationLoss.toFixed(4)}, ${t.epochs} epochs, ${(t.milliseconds / 1000).toFixed(1)} s`,
    );
  }
}
