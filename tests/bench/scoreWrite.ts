/**
 * `npm run bench:scores` — rows per second of writing a run's scores (writeRunOutcome: on
 * PostgreSQL in the transaction with the run's activation, on SQLite 10,000 rows per transaction
 * just before it) for 100,000 and 1,000,000 customers, on a fresh
 * SQLite file and a fresh PostgreSQL database (TEST_POSTGRES_URL, default the local server).
 * `-- --customers N` writes N only. The CPU time of this process, and of
 * the PostgreSQL server's processes for the database when it runs on this machine, is printed too: on a shared
 * machine the wall time says as much about the neighbours. Each provider runs in its own process, since the
 * database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { meterServerCpu } from "./serverCpu";

const customersFlag = process.argv.indexOf("--customers");
const SIZES = customersFlag > 0 ? [Number(process.argv[customersFlag + 1])] : [100_000, 1_000_000];

if (process.argv[2] === "--provider") await benchProvider(process.argv[3] as "sqlite" | "postgresql", Number(process.argv[4]));
else runAll();

function runAll(): void {
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  console.log(
    `${os.cpus().length} cores; load average (1 / 5 / 15 min): ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ")}`,
  );
  for (const customers of SIZES) {
    for (const provider of ["sqlite", "postgresql"]) {
      execFileSync("npx", ["tsx", "--conditions", "react-server", "tests/bench/scoreWrite.ts", "--provider", provider, String(customers)], {
        stdio: "inherit",
      });
    }
  }
}

async function benchProvider(provider: "sqlite" | "postgresql", customers: number): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { seedScoredRun, beginSeededRun, scoresOnlyOutcome } = await import("../support/seedScoredRun");
  const { writeRunOutcome } = await import("@/lib/db/runs");
  const { db } = await import("@/lib/db/internal/client");
  try {
    // The first run seeds the customers; the second, timed alone, writes the same scores again as a new run.
    const { runId: firstRun } = await seedScoredRun({ customers });
    const scores = await db.customerScore.findMany({ where: { runId: firstRun } });
    const { runId, release } = await beginSeededRun(7, { seeded: true }, customers);
    const serverCpu = provider === "postgresql" ? meterServerCpu(new URL(database.url).pathname.slice(1)) : null;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // The first run's rows as they are: the writer puts its own run id in every row.
    await writeRunOutcome(runId, scoresOnlyOutcome(runId, scores, { activate: true }));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const serverSeconds = serverCpu?.stop() ?? null;
    await release();
    const written = await db.customerScore.count({ where: { runId } });
    console.log(
      `${provider.padEnd(10)} ${written.toLocaleString("en-US").padStart(9)} scores written with their run: ${seconds.toFixed(2)} s, ` +
        `${Math.round(written / seconds).toLocaleString("en-US")} rows/s (process CPU ${cpuSeconds.toFixed(2)} s` +
        (provider === "sqlite"
          ? ")"
          : serverSeconds === null
            ? "; PostgreSQL's own not read: not on this machine)"
            : `, PostgreSQL's ${serverSeconds.toFixed(2)} s)`),
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
