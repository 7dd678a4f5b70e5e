/**
 * Segmentation engine timings: k-means (10 restarts, k = 8) on 100,000 × 24 and on
 * `--rows` × 24 (default 1,000,000) seeded blob data (separated and overlapping), PCA on the
 * same, and the full selection (three spaces, k = 2..10) on 100,000 overlapping rows.
 *   npx tsx tests/bench/segmentation.ts [--rows N] [--skip-single]
 * The machine is shared: run it more than once and read the numbers as noisy.
 */
import { availableParallelism, loadavg } from "node:os";
import { readCustomersFile } from "@/lib/import";
import { createRng } from "@/lib/ml/random";
import { readTfBackendName } from "@/lib/ml/tf";
import { fitKmeans, fitKmeansSync, fitPca, fitSegmentation, type DenseMatrix, type SegmentationModel } from "@/lib/ml/segmentation";
import { selectRows } from "@/lib/ml/segmentation/matrix";
import { buildClvPlan, indexSummariesByCustomer } from "@/lib/ml/train/clvStage";
import { buildSegmentationFeatures } from "@/lib/ml/train/featureSource";
import { inferSnapshotDate } from "@/lib/ml/train/snapshot";

const argument = (name: string) => process.argv.indexOf(name);
const largeRows = argument("--rows") >= 0 ? Number(process.argv[argument("--rows") + 1]) : 1_000_000;
const skipSingle = argument("--skip-single") >= 0;
const input = argument("--input") >= 0 ? process.argv[argument("--input") + 1] : null;
if (!Number.isInteger(largeRows) || largeRows < 1000) throw new Error(`--rows must be an integer ≥ 1000, got ${process.argv[argument("--rows") + 1]}`);
const COLUMNS = 24;
const CLUSTERS = 8;

/**
 * Gaussian blobs (sd 1) as scikit-learn's make_blobs: centres uniform in [-10, 10] per feature
 * ("separated"), or, for a harder case that needs many more iterations, drawn from N(0, 1.5²)
 * per feature ("overlapping").
 */
function blobs(rows: number, seed: number, kind: "separated" | "overlapping"): DenseMatrix {
  const rng = createRng(seed);
  const centre = () => (kind === "separated" ? 20 * rng.next() - 10 : 1.5 * rng.normal());
  const centres = Array.from({ length: CLUSTERS }, () => Array.from({ length: COLUMNS }, centre));
  const data = new Float64Array(rows * COLUMNS);
  for (let i = 0; i < rows; i++) {
    const around = centres[rng.int(CLUSTERS)];
    for (let c = 0; c < COLUMNS; c++) data[i * COLUMNS + c] = around[c] + rng.normal();
  }
  return { data, rows, columns: COLUMNS };
}

/** Prints wall time and this process's CPU time (all threads): on a shared machine the CPU time is the steadier number. */
async function timed<T>(label: string, work: () => T | Promise<T>, describe: (result: T) => string): Promise<T> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  const wall = ((performance.now() - started) / 1000).toFixed(2).padStart(6);
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6);
  console.log(`${label.padEnd(58)} ${wall} s wall ${cpuSeconds} s cpu   ${describe(result)}`);
  return result;
}

const kmeansFacts = (r: { inertia: number; iterations: number; converged: boolean; workers: number }) =>
  `inertia ${r.inertia.toFixed(1)}, ${r.iterations} iterations (best restart), converged ${r.converged}, ${r.workers} workers`;

/** The selection on a customers file's segmentation features, with trainAll's seed for seed 42 (no orders, as `npm run ml -- report`). */
async function selectOnFile(path: string): Promise<SegmentationModel> {
  const customers = (await readCustomersFile(path)).records;
  const snapshotDate = inferSnapshotDate(customers);
  const summaries = indexSummariesByCustomer(buildClvPlan(customers, [], snapshotDate));
  const features = buildSegmentationFeatures(customers, [], snapshotDate, 42, summaries);
  const dense = { data: features.matrix, rows: customers.length, columns: features.columns };
  const matrix = features.fitRows ? selectRows(dense, features.fitRows) : dense;
  const model = await timed(
    `full selection, 3 spaces, ${matrix.rows.toLocaleString("en")} × ${matrix.columns} from ${path}`,
    () => fitSegmentation(matrix, { seed: createRng(42).seed() }),
    (m) => `chose ${m.space}, k = ${m.k}`,
  );
  let hash = 0;
  for (const label of model.labels) hash = (Math.imul(hash, 31) + label) | 0;
  console.log(`labels hash ${hash}, segment sizes ${JSON.stringify(Array.from({ length: model.k }, (_, s) => model.labels.filter((l) => l === s).length))}`);
  return model;
}

async function selectOnBlobs(): Promise<SegmentationModel> {
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, tfjs backend ${await readTfBackendName()}`,
  );
  for (const rows of [100_000, largeRows]) {
    for (const kind of ["separated", "overlapping"] as const) {
      const matrix = blobs(rows, 1, kind);
      const size = `${rows.toLocaleString("en")} × ${COLUMNS} ${kind}`;
      const single = !skipSingle || rows === 100_000;
      await timed(`k-means k=${CLUSTERS} ×10, auto threads, ${size}`, () => fitKmeans(matrix, { k: CLUSTERS, seed: 1 }), kmeansFacts);
      if (single) await timed(`k-means k=${CLUSTERS} ×10, 1 thread, ${size}`, () => fitKmeansSync(matrix, { k: CLUSTERS, seed: 1 }), kmeansFacts);
      if (single && rows === 100_000) {
        await timed(`k-means plain Lloyd ×10, 1 thread, ${size}`, () => fitKmeansSync(matrix, { k: CLUSTERS, seed: 1, algorithm: "lloyd" }), kmeansFacts);
      }
      if (kind === "separated") {
        await timed(
          `PCA (all components), ${size}`,
          () => fitPca(matrix, { varianceToKeep: 0.9 }),
          (m) => `${m.components.length} components for 90%`,
        );
      }
    }
  }
  const selectionData = blobs(100_000, 2, "overlapping");
  return timed(
    "full selection, 3 spaces, k 2..10, 100,000 × 24",
    () => fitSegmentation(selectionData, { seed: 1 }),
    (m) => `chose ${m.space}, k = ${m.k}`,
  );
}

const model = input ? await selectOnFile(input) : await selectOnBlobs();
console.log("stage timings (ms):", JSON.stringify(model.timings));
for (const space of model.spaces) {
  const s = space.standardized;
  console.log(
    `  ${space.space.padEnd(13)} ${space.dimensions}-D k=${space.k} silhouette ${s.silhouette.toFixed(3)} DB ${s.daviesBouldin.toFixed(3)} CH ${s.calinskiHarabasz.toFixed(0)} rank sum ${space.rankSum}`,
  );
}
console.log("selection:", JSON.stringify(model.selection));
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
