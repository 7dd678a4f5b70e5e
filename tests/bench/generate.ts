/**
 * Benchmark: generating and writing 1,000,000 synthetic customers, and the order lines of
 * 1,000,000 customers of the order-lines-only business (rows/s and peak memory); parsing (no
 * database) the real marketing-campaign file and a 100,000-row synthetic file.
 * Run from the project root: npx tsx tests/bench/generate.ts [--rows N] [--business-customers N]
 * Timings are wall clock and CPU; on a shared machine the wall clock is noisy.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { writeSyntheticCsv } from "@/lib/data/syntheticCsv";
import { readCustomersFile } from "@/lib/import";

const REAL_FILE = "../shared/data/marketing_campaign.csv";
const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, "business-customers": { type: "string", default: "1000000" } },
});
const rows = Number(values.rows);
const businessCustomers = Number(values["business-customers"]);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(`${label.padEnd(46)} ${wall.toFixed(2).padStart(7)} s wall ${cpuSeconds.toFixed(2).padStart(7)} s cpu  heap ${heap.toFixed(0)} MB`);
  return result;
}

/** The order-lines-only business: lines per second and the peak heap and RSS seen while writing. */
async function benchBusiness(file: string, customers: number): Promise<void> {
  const peak = { heap: 0, rss: 0 };
  const sample = () => {
    const memory = process.memoryUsage();
    peak.heap = Math.max(peak.heap, memory.heapUsed);
    peak.rss = Math.max(peak.rss, memory.rss);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  try {
    const summary = await writeOrderBusinessCsv({ customers, seed: 42, out: createWriteStream(file) });
    const seconds = (performance.now() - started) / 1000;
    sample();
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `business orders: ${summary.lines.toLocaleString("en-US")} lines of ${customers.toLocaleString("en-US")} customers ` +
        `in ${seconds.toFixed(2)} s = ${Math.round(summary.lines / seconds).toLocaleString("en-US")} rows/s; ` +
        `peak heap ${mb(peak.heap)} MB, peak RSS ${mb(peak.rss)} MB (${((await stat(file)).size / 2 ** 20).toFixed(1)} MB file)`,
    );
  } finally {
    clearInterval(sampler);
  }
}

async function writeFile(file: string, count: number): Promise<void> {
  await writeSyntheticCsv({ rows: count, seed: 42, customers: createWriteStream(file) });
}

const dir = await mkdtemp(path.join(tmpdir(), "bench-generate-"));
try {
  const big = path.join(dir, "customers-big.csv");
  await timed(`generate + write ${rows.toLocaleString("en-US")} customers`, () => writeFile(big, rows));
  console.log(`  (${((await stat(big)).size / 2 ** 20).toFixed(1)} MB)`);
  await rm(big);

  const business = path.join(dir, "business-orders.csv");
  await benchBusiness(business, businessCustomers);
  await rm(business);

  for (let run = 1; run <= 3; run++) {
    await timed(`parse real file (2,240 rows), run ${run}`, () => readCustomersFile(REAL_FILE));
  }

  const medium = path.join(dir, "customers-100k.csv");
  await writeFile(medium, 100_000);
  for (let run = 1; run <= 2; run++) {
    const result = await timed(`parse 100,000-row synthetic file, run ${run}`, () => readCustomersFile(medium));
    if (result.records.length !== 100_000 || result.errorCount !== 0) throw new Error("the synthetic file did not read back cleanly");
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
