/**
 * Our k-means and PCA against the ml.js libraries the unit tests use as references
 * (tests/unit/ml/): the same work on the same seeded data, at 10,000 and 100,000 × 24.
 * k-means: one run of k = 8 from the same k-means++ centroids to a fixed point (tolerance 0,
 * at most 100 iterations), ours as plain Lloyd and with Hamerly's bounds, against ml-kmeans.
 * PCA: all 24 components, ours (covariance + eigendecomposition) against ml-pca's SVD (its
 * default) and its covariance method. Conversion to the libraries' number[][] is not timed.
 *   npm run bench:references
 * The machine is shared: read the numbers as noisy, the ratios as the result.
 */
import { availableParallelism, loadavg } from "node:os";
import { kmeans as mlKmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import { createRng } from "@/lib/ml/random";
import { fitPca } from "@/lib/ml/segmentation";
import { hamerly } from "@/lib/ml/segmentation/hamerly";
import { greedyLocalTrials, kmeansPlusPlus } from "@/lib/ml/segmentation/kmeansSeeding";
import { lloyd } from "@/lib/ml/segmentation/lloyd";
import { toRows, type DenseMatrix } from "@/lib/ml/segmentation/matrix";

const COLUMNS = 24;
const K = 8;
const MAX_ITERATIONS = 100;
/** ml-kmeans is left out at a size where its projected time (from the smaller size) passes this. */
const REFERENCE_BUDGET_SECONDS = 120;

/** Overlapping Gaussian blobs (centres from N(0, 1.5²) per feature, sd 1 around them), as tests/bench/segmentation.ts. */
function blobs(rows: number, seed: number): DenseMatrix {
  const rng = createRng(seed);
  const centres = Array.from({ length: K }, () => Array.from({ length: COLUMNS }, () => 1.5 * rng.normal()));
  const data = new Float64Array(rows * COLUMNS);
  for (let i = 0; i < rows; i++) {
    const around = centres[rng.int(K)];
    for (let c = 0; c < COLUMNS; c++) data[i * COLUMNS + c] = around[c] + rng.normal();
  }
  return { data, rows, columns: COLUMNS };
}

function seconds<T>(work: () => T): { result: T; seconds: number } {
  const started = performance.now();
  const result = work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

const line = (label: string, time: number, facts: string) => console.log(`${label.padEnd(46)} ${time.toFixed(3).padStart(8)} s   ${facts}`);
const ratio = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;

console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
let referenceSecondsPerRowIteration: number | null = null;
for (const rows of [10_000, 100_000]) {
  const matrix = blobs(rows, 1);
  const plain = toRows(matrix.data, matrix.rows, matrix.columns);
  const size = `${rows.toLocaleString("en")} × ${COLUMNS}`;
  console.log(`\n${size}, k = ${K}`);

  const start = kmeansPlusPlus(matrix, K, createRng(7), greedyLocalTrials(K));
  const options = { maxIterations: MAX_ITERATIONS, tolerance: 0 };
  const ours = seconds(() => lloyd(matrix, start, K, options));
  line("k-means, ours, plain Lloyd", ours.seconds, `${ours.result.iterations} iterations`);
  const bounded = seconds(() => hamerly(matrix, start, K, options));
  line("k-means, ours, Hamerly", bounded.seconds, `${bounded.result.iterations} iterations`);
  const projected = referenceSecondsPerRowIteration === null ? 0 : referenceSecondsPerRowIteration * rows * ours.result.iterations;
  if (projected > REFERENCE_BUDGET_SECONDS) {
    console.log(`k-means, ml-kmeans: skipped, about ${projected.toFixed(0)} s projected from the smaller size`);
  } else {
    const initialization = toRows(start.centers, K, COLUMNS);
    const reference = seconds(() => mlKmeans(plain, K, { initialization, tolerance: 0, maxIterations: MAX_ITERATIONS + 1 }));
    referenceSecondsPerRowIteration = reference.seconds / rows / reference.result.iterations;
    line(
      "k-means, ml-kmeans",
      reference.seconds,
      `${reference.result.iterations} iterations; Lloyd ${ratio(reference.seconds, ours.seconds)} faster, Hamerly ${ratio(reference.seconds, bounded.seconds)}`,
    );
  }

  const pca = seconds(() => fitPca(matrix, { components: COLUMNS }));
  line("PCA, ours (covariance, eigen)", pca.seconds, `first component ${(100 * pca.result.explainedVarianceRatio[0]).toFixed(1)}% of the variance`);
  for (const method of ["SVD", "covarianceMatrix"] as const) {
    const reference = seconds(() => new PCA(plain, { method }));
    line(`PCA, ml-pca ${method}`, reference.seconds, `ours ${ratio(reference.seconds, pca.seconds)} faster`);
  }
}
console.log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
