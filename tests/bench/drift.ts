/**
 * Drift timings: referenceStats and compareToReference on `--rows` rows (default 100,000) ×
 * 30 features (24 numeric with 2% missing, 6 categorical with 5–8 levels), the current data a
 * fresh seeded sample with one shifted numeric and one categorical with a new level.
 *   npx tsx tests/bench/drift.ts [--rows N]
 * The machine is shared: run it more than once and read the numbers as noisy.
 */
import { compareToReference, computeReferenceStats, type DriftColumn } from "@/lib/ml/drift";
import { createRng } from "@/lib/ml/random";

const at = process.argv.indexOf("--rows");
const rows = at >= 0 ? Number(process.argv[at + 1]) : 100_000;
if (!Number.isInteger(rows) || rows < 1000) throw new Error(`--rows must be an integer ≥ 1000, got ${process.argv[at + 1]}`);
const NUMERIC = 24;
const CATEGORICAL = 6;

function table(seed: number, shifted: boolean): DriftColumn[] {
  const rng = createRng(seed);
  const columns: DriftColumn[] = [];
  for (let c = 0; c < NUMERIC; c++) {
    const values = new Float64Array(rows);
    const scale = shifted && c === 0 ? 1.3 : 1;
    // Alternate skewed (income-like), normal and small-integer columns, as in customer data.
    for (let i = 0; i < rows; i++) {
      const value = c % 3 === 0 ? Math.exp(10 + 0.5 * rng.normal()) : c % 3 === 1 ? 50 + 10 * rng.normal() : rng.int(4);
      values[i] = rng.next() < 0.02 ? NaN : value * scale;
    }
    columns.push({ name: `n${c}`, kind: "numeric", values });
  }
  for (let c = 0; c < CATEGORICAL; c++) {
    const levels = Array.from({ length: 5 + (c % 4) }, (_, l) => `level${l}`);
    const values = Array.from({ length: rows }, () =>
      shifted && c === 0 && rng.next() < 0.2 ? "YOLO" : rng.next() < 0.01 ? null : levels[Math.floor(rng.next() ** 2 * levels.length)],
    );
    columns.push({ name: `c${c}`, kind: "categorical", values });
  }
  return columns;
}

function timed<T>(label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(36)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}

const referenceData = table(1, false);
const currentData = table(2, true);
console.log(`${rows.toLocaleString("en")} rows × ${NUMERIC + CATEGORICAL} features`);
const reference = timed("referenceStats", () => computeReferenceStats(referenceData));
console.log(`stored reference: ${(JSON.stringify(reference).length / 1024).toFixed(0)} KiB of JSON`);
const report = timed("compareToReference", () => compareToReference(reference, currentData));
console.log(
  `drifted: ${report.features
    .filter((f) => f.drifted)
    .map((f) => `${f.name} (${f.severity}, PSI ${f.psi.toFixed(3)})`)
    .join(", ")}`,
);
console.log(`driftedShare ${report.driftedShare.toFixed(3)}, datasetDrift ${report.datasetDrift}`);
