/**
 * `npm run bench:clv-stages -- --input FILE [--orders FILE]`: wall time of each part of the CLV stage of a
 * retrain (summaries, fits, scoring with intervals, backtest) on a customers CSV, without the other models.
 */
import { parseArgs } from "node:util";
import { readCustomersFile, readOrdersFile } from "@/lib/import";
import { buildClvPlan, DEFAULT_CLV_OPTIONS, fitClvModels, scoreClvPlan } from "@/lib/ml/train/clvStage";
import { backtestClv } from "@/lib/ml/train/clvBacktest";
import { inferSnapshotDate } from "@/lib/ml/train/snapshot";

const { values } = parseArgs({ options: { input: { type: "string" }, orders: { type: "string" } } });
if (!values.input) throw new Error("--input FILE is required");

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`  ${label.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s`);
  return result;
}

const customers = (await readCustomersFile(values.input)).records;
const orders = values.orders ? (await readOrdersFile(values.orders)).records : [];
console.log(`${customers.length.toLocaleString("en-US")} customers, ${orders.length.toLocaleString("en-US")} order lines`);
const snapshotDate = inferSnapshotDate(customers, orders);
const plan = timed("summaries (buildClvPlan)", () => buildClvPlan(customers, orders, snapshotDate));
const fitted = timed("fit (fitClvModels)", () => fitClvModels(plan));
if ("skipped" in fitted) throw new Error(fitted.skipped);
const columns = timed("score (scoreClvPlan)", () => scoreClvPlan(fitted, plan, customers.length, { ...DEFAULT_CLV_OPTIONS, seed: 1 }));
const backtest = timed("backtest (backtestClv)", () => backtestClv(orders, snapshotDate));
let total = 0;
let scored = 0;
for (const value of columns.clv) {
  if (!Number.isFinite(value)) continue;
  total += value;
  scored++;
}
const { r, alpha, a, b } = fitted.model.bgnbd;
console.log(
  `  ${fitted.source}: r=${r.toFixed(4)} α=${alpha.toFixed(3)} a=${a.toFixed(4)} b=${b.toFixed(4)}; ${scored} scored, mean CLV ${(total / scored).toFixed(2)}`,
);
console.log(`  notes: ${[...fitted.notes, ...columns.notes].join(" | ") || "none"}; backtest ${backtest.status}`);
