/**
 * `npm run bench:scores` — rows per second of writing a run's scores (writeRunOutcome: on
 * PostgreSQL in the transaction with the run's activation, on SQLite in transactions of rows just
 * before it) for 100,000 and 1,000,000 customers, on a fresh SQLite file and a fresh PostgreSQL
 * database (TEST_POSTGRES_URL, default the local server). `-- --customers N` writes N only,
 * `--db sqlite|postgresql` on one database, `--rows-per-transaction N` sets SQLite's rows per
 * transaction (scoresAhead.ts). The CPU time of this process, and of the PostgreSQL server's
 * processes for the database when it runs on this machine, is printed too: on a shared machine
 * the wall time says as much about the neighbours. Then the first run's rows are removed as a
 * retrain's score retention removes a run's (lib/db/scoreRetention.ts), timed too. Each provider
 * runs in its own process, since the database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import { meterServerCpu } from "./serverCpu";
import { countRunScores, readRunScoreRows } from "../support/runScores";

const { values } = parseArgs({
  options: {
    customers: { type: "string" },
    db: { type: "string" },
    "rows-per-transaction": { type: "string" },
    provider: { type: "string" },
  },
});
const SIZES = values.customers ? [Number(values.customers)] : [100_000, 1_000_000];
const PROVIDERS = values.db ? [values.db] : ["sqlite", "postgresql"];
if (!PROVIDERS.every((provider) => provider === "sqlite" || provider === "postgresql")) throw new Error(`--db takes sqlite or postgresql (got ${values.db})`);
const ROWS_PER_TRANSACTION = values["rows-per-transaction"] ? Number(values["rows-per-transaction"]) : undefined;

if (values.provider) await benchProvider(values.provider as "sqlite" | "postgresql", SIZES[0]);
else runAll();

function runAll(): void {
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  console.log(
    `${os.cpus().length} cores; load average (1 / 5 / 15 min): ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ")}`,
  );
  const passOn = ROWS_PER_TRANSACTION === undefined ? [] : ["--rows-per-transaction", String(ROWS_PER_TRANSACTION)];
  for (const customers of SIZES) {
    for (const provider of PROVIDERS) {
      execFileSync(
        "npx",
        ["tsx", "--conditions", "react-server", "tests/bench/scoreWrite.ts", "--provider", provider, "--customers", String(customers), ...passOn],
        { stdio: "inherit" },
      );
    }
  }
}

async function benchProvider(provider: "sqlite" | "postgresql", customers: number): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { seedScoredRun, beginSeededRun, scoresOnlyOutcome, retrainOnlyFields } = await import("../support/seedScoredRun");
  const { writeRunOutcome } = await import("@/lib/db/runs");
  const { db } = await import("@/lib/db/internal/client");
  try {
    // The first run seeds the customers; the second, timed alone, writes the same scores again as a new run.
    const { runId: firstRun } = await seedScoredRun({ customers });
    // In customer order, as a retrain hands them over (unordered, the rows land at random places in the key and customer
    // indexes), and with the fingerprint and historical CLV a retrain stores.
    const seeded = await readRunScoreRows(firstRun);
    const scores = seeded.map((score) => ({ ...score, ...retrainOnlyFields(score.customerId, score.clv) }));
    const { runId, release } = await beginSeededRun(7, { seeded: true }, customers);
    const serverCpu = provider === "postgresql" ? meterServerCpu(new URL(database.url).pathname.slice(1)) : null;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // On SQLite a report comes after each transaction of rows written ahead: the longest gap is the longest the write lock was held.
    let reported = started;
    let longestGap = 0;
    const onProgress = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - reported);
      reported = now;
    };
    // The first run's rows as they are: the writer puts its own run id in every row.
    await writeRunOutcome(runId, scoresOnlyOutcome(runId, scores, { activate: true }), onProgress, ROWS_PER_TRANSACTION);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const serverSeconds = serverCpu?.stop() ?? null;
    await release();
    const written = await countRunScores(runId);
    const removal = await timeRetention(db, firstRun);
    console.log(
      `${provider.padEnd(10)} ${written.toLocaleString("en-US").padStart(9)} scores written with their run: ${seconds.toFixed(2)} s, ` +
        `${Math.round(written / seconds).toLocaleString("en-US")} rows/s (process CPU ${cpuSeconds.toFixed(2)} s` +
        (provider === "sqlite"
          ? `; the longest transaction of rows ${(longestGap / 1000).toFixed(2)} s)`
          : serverSeconds === null
            ? "; PostgreSQL's own not read: not on this machine)"
            : `, PostgreSQL's ${serverSeconds.toFixed(2)} s)`),
    );
    console.log(
      `${"".padEnd(10)} then retention removed the first run's ${removal.rows.toLocaleString("en-US")}: ${removal.seconds.toFixed(2)} s, ` +
        `${Math.round(removal.rows / removal.seconds).toLocaleString("en-US")} rows/s`,
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/** What a retrain's score retention takes once the first run falls out of the newest (keep 1): the run written above is the active one. */
async function timeRetention(db: typeof import("@/lib/db/internal/client").db, oldRun: number): Promise<{ rows: number; seconds: number }> {
  const { removeExpiredScores } = await import("@/lib/db/scoreRetention");
  const { backdateActivations } = await import("../support/backdateActivations");
  // The first run was active until a moment ago, which keeps its scores for the hour: as if it had been a day.
  await backdateActivations(24 * 3_600_000);
  const rows = await countRunScores(oldRun);
  const started = performance.now();
  const removed = await removeExpiredScores(1);
  if (removed.join() !== String(oldRun)) throw new Error(`retention removed runs [${removed.join(", ")}], not run ${oldRun}`);
  return { rows, seconds: (performance.now() - started) / 1000 };
}
