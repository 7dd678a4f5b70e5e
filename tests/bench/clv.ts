/**
 * CLV benchmark: fitting (BG/NBD + Gamma-Gamma) and scoring with 200-draw intervals, on CDNOW,
 * on the marketing-campaign profiles (approximate summary) and on 100,000 simulated customers (day-granular T, as summaries from order lines are, and a
 * worst case with every T distinct). Run from the project root: npx tsx tests/bench/clv.ts
 * Timings are wall-clock and process CPU time on a shared machine: noisy.
 */
import { fitClv, PERIODS_PER_MONTH, scoreClv, simulateBgNbd, simulateGammaGamma, summaryFromProfiles, type RfmSummary } from "@/lib/ml/clv";
import { createRng } from "@/lib/ml/random";
import { readCdnow } from "@/tests/support/readCdnow";
import { readMarketingCsv } from "@/tests/support/readMarketingCsv";

/** Result, wall-clock ms and CPU ms (user + system of this process: less sensitive to other load). */
function time<T>(run: () => T): [T, string] {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  return [result, `${wall.toFixed(0).padStart(6)} ms wall ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms CPU`];
}

function bench(name: string, summary: RfmSummary & { monetary: Float64Array }, periodsPerMonth: number): void {
  const [model, fitMs] = time(() => fitClv(summary));
  const [, pointMs] = time(() => scoreClv(model, summary, { periodsPerMonth, intervals: false }));
  const [scores, intervalMs] = time(() => scoreClv(model, summary, { periodsPerMonth, draws: 200 }));
  const { r, alpha, a, b, converged } = model.bgnbd;
  const gg = model.gammaGamma!;
  let total = 0;
  for (const value of scores.clv) total += value;
  console.log(`\n${name}: ${summary.frequency.length.toLocaleString("en-US")} customers`);
  console.log(
    `  BG/NBD r=${r.toFixed(4)} alpha=${alpha.toFixed(4)} a=${a.toFixed(4)} b=${b.toFixed(4)} converged=${converged} (${model.bgnbd.iterations} iterations)`,
  );
  console.log(`  Gamma-Gamma p=${gg.p.toFixed(3)} q=${gg.q.toFixed(3)} gamma=${gg.gamma.toFixed(3)} on ${gg.customers} repeat buyers`);
  console.log(`  fit (both models + Hessians)     ${fitMs}`);
  console.log(`  score, point estimates only      ${pointMs}`);
  console.log(`  score with 80% intervals (S=200) ${intervalMs}`);
  console.log(`  mean 12-month CLV ${(total / summary.frequency.length).toFixed(2)}`);
}

function simulated(n: number, seed: number, age: (rng: ReturnType<typeof createRng>) => number, params: Parameters<typeof simulateBgNbd>[0]) {
  const rng = createRng(seed);
  const T = Float64Array.from({ length: n }, () => age(rng));
  const summary = simulateBgNbd(params, T, seed + 1);
  return { ...summary, monetary: simulateGammaGamma({ p: 6, q: 4, gamma: 15 }, summary.frequency, seed + 2) };
}

bench("CDNOW (weeks)", readCdnow(), PERIODS_PER_MONTH.weeks);
const profiles = summaryFromProfiles(readMarketingCsv(), { snapshotDate: new Date("2014-07-01T00:00:00Z") });
console.log(`\nmarketing_campaign.csv: ${profiles.excluded.length} of 2,240 profiles excluded from the approximate summary`);
bench("marketing_campaign.csv, approximate summary from profiles (days)", profiles, PERIODS_PER_MONTH.days);
bench(
  "Simulated, T in whole days (30..730)",
  simulated(100_000, 1, (rng) => 30 + rng.int(701), { r: 0.25, alpha: 30, a: 0.8, b: 2.5 }),
  PERIODS_PER_MONTH.days,
);
bench(
  "Simulated, every T distinct (26..39 weeks, CDNOW parameters)",
  simulated(100_000, 2, (rng) => 26 + 13 * rng.next(), { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }),
  PERIODS_PER_MONTH.weeks,
);
