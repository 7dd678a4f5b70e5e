/**
 * `npm run bench:retrain` — end-to-end retrain time, database writes included, with the stages
 * runRetrain records (snapshot, train.*, evaluate, summary, write), on the real marketing file and on
 * 100,000 synthetic customers, on a fresh SQLite file and a fresh PostgreSQL database
 * (TEST_POSTGRES_URL, default the local server). Each data set gets two runs with the default
 * training set-up: the first has no active run to compare with; the second measures drift and
 * stability against the first, as a nightly retrain does. The time to write the 100,000 scores
 * (write.scores, timed inside the "write" stage's transaction) is printed apart.
 * Each provider and data set runs in its own process, since the database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countRunScores } from "../support/runScores";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const SYNTHETIC_ROWS = 100_000;
const RUNS_PER_DATA_SET = 2;

const DATA_SETS = (synthetic: string) => [
  ["real file", REAL_FILE],
  [`synthetic ${SYNTHETIC_ROWS.toLocaleString("en")}`, synthetic],
];

if (process.argv[2] === "--data-set") await benchDataSet(process.argv[3] as "sqlite" | "postgresql", process.argv[4], process.argv[5]);
else runAll();

function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function runAll(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-retrain-"));
  const synthetic = path.join(dir, "synthetic-100k.csv");
  execFileSync("npx", ["tsx", "lib/cli/generate.ts", "--rows", String(SYNTHETIC_ROWS), "--out", synthetic, "--seed", "11"], { stdio: "inherit" });
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  console.log(`${os.cpus().length} cores; load average (1 / 5 / 15 min) at start: ${load()}`);
  for (const provider of ["sqlite", "postgresql"]) {
    for (const [label, file] of DATA_SETS(synthetic)) {
      execFileSync("npx", ["tsx", "--conditions", "react-server", "tests/bench/retrain.ts", "--data-set", provider, file, label], { stdio: "inherit" });
    }
  }
  console.log(`\nload average at the end: ${load()}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** One data set on a fresh database of one provider, in a process of its own (lib/db binds DATABASE_URL at import). */
async function benchDataSet(provider: "sqlite" | "postgresql", file: string, label: string): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { importFile } = await import("@/lib/services/importFile");
  const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
  const { db } = await import("@/lib/db/internal/client");
  try {
    let started = performance.now();
    const imported = await importFile({ kind: "customers", source: file, fileName: path.basename(file), userId: null, allowRejected: true });
    console.log(
      `\n${provider} — ${label}: imported ${imported.rowsInserted} customers in ${seconds(performance.now() - started)} (not part of the retrain); load ${load()}`,
    );
    for (let n = 1; n <= RUNS_PER_DATA_SET; n++) {
      started = performance.now();
      const outcome = await runRetrain({ trigger: "CLI", requestedById: null });
      const wall = performance.now() - started;
      const run = await db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId }, select: { timings: true, snapshotCount: true } });
      const scores = await countRunScores(outcome.runId);
      const timings = run.timings as Record<string, number>;
      console.log(
        `  run ${n}: ${outcome.status.toLowerCase()} in ${seconds(wall)} wall (${run.snapshotCount} customers, ${scores} scores written); load ${load()}`,
      );
      for (const [stage, ms] of orderedStages(timings)) console.log(`    ${stage.padEnd(44)} ${seconds(ms).padStart(10)}`);
      const scoresMs = timings["write.scores"] ?? 0;
      const perSecond = scoresMs ? Math.round(scores / (scoresMs / 1000)) : 0;
      console.log(`    → inserting the ${scores} scores (write.scores, inside the write stage's transaction): ${seconds(scoresMs)} (${perSecond} rows/s)`);
      if (outcome.status === "FAILED") console.log(`    failed: ${outcome.reasons.join("; ")}`);
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/** Stages in the order they run; PostgreSQL's jsonb does not keep key order. */
function orderedStages(timings: Record<string, number>): [string, number][] {
  const rank = (key: string) => (key === "snapshot" ? 0 : key.startsWith("train.") ? 1 : key === "train" ? 2 : key === "evaluate" ? 3 : 4);
  return Object.entries(timings).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
