/** bench:scale's tables: one per size and database, then the growth exponents over the sizes kept. */
import { scoreWriteRate, targetOf, type SizeResult, type StageResult } from "./scaleTargets";

const count = (value: number) => Math.round(value).toLocaleString("en-US");
const mib = (bytes: number) => `${count(bytes / 2 ** 20)} MB`;

export function printSize(result: SizeResult): void {
  console.log(`\n${result.db} — ${count(result.customers)} customers, ${count(result.orderLines)} order lines`);
  console.log(
    `  ${"stage".padEnd(18)} ${"wall".padStart(9)} ${"rate".padStart(20)} ${"peak RSS".padStart(9)} ${"machine".padStart(8)} ${"ours".padStart(5)}  target`,
  );
  for (const stage of result.stages) {
    const target = targetOf(stage, result.customers);
    const verdict = target ? `${target.text} ${target.met ? "met" : "NOT MET"}` : "";
    console.log(
      `  ${stage.name.padEnd(18)} ${`${stage.seconds.toFixed(1)} s`.padStart(9)} ${`${count(stage.rows / stage.seconds)} ${stage.unit}/s`.padStart(20)} ` +
        `${mib(stage.peakRssBytes).padStart(9)} ${`${Math.round(stage.machineBusy * 100)}%`.padStart(8)} ${stage.ownCores.toFixed(2).padStart(5)}  ${verdict}`,
    );
    if (stage.parts) printParts(stage);
  }
  console.log("  (machine: share of both cores busy during the stage; ours: cores this process kept busy)");
}

function printParts(stage: StageResult): void {
  const entries = Object.entries(stage.parts!);
  const seconds = (parts: [string, number][], prefix = "") => parts.map(([name, ms]) => `${name.slice(prefix.length)} ${(ms / 1000).toFixed(1)} s`).join(", ");
  console.log(`      ${seconds(entries.filter(([name]) => !name.includes(".") && name !== "total"))}`);
  const training = entries.filter(([name]) => /^train\.[^.]+$/.test(name) && name !== "train.total");
  if (training.length > 0) console.log(`      train: ${seconds(training, "train.")}`);
  const rate = scoreWriteRate(stage);
  if (rate !== null) console.log(`      scores written: ${count(rate)} rows/s (target ≥ 100,000 ${rate >= 100_000 ? "met" : "NOT MET"})`);
}

/** b in time ∝ n^b by least squares on log–log, over every size with the stage. */
export function growthExponent(points: { n: number; seconds: number }[]): number | null {
  if (points.length < 2) return null;
  const xs = points.map((point) => Math.log(point.n));
  const ys = points.map((point) => Math.log(point.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  return sxx > 0 ? sxy / sxx : null;
}

export function printExponents(db: string, results: SizeResult[]): void {
  if (results.length < 2) return;
  console.log(`\n${db}: growth exponent b (time ∝ n^b) over ${results.map((result) => count(result.customers)).join(", ")} customers`);
  const names = [...new Set(results.flatMap((result) => result.stages.map((stage) => stage.name)))];
  for (const name of names) {
    const points = results.flatMap((result) => {
      const stage = result.stages.find((entry) => entry.name === name);
      return stage ? [{ n: stage.rows, seconds: stage.seconds }] : [];
    });
    const b = growthExponent(points);
    if (b !== null) console.log(`  ${name.padEnd(18)} b = ${b.toFixed(2)} ${b <= 1.1 ? "" : "(above 1.1)"}`);
  }
}
