/**
 * `npm run bench:import` — wall time of importing the real marketing file and a 100,000-row
 * synthetic file (and re-importing it unchanged) on a fresh SQLite file and a fresh
 * PostgreSQL database (TEST_POSTGRES_URL, default the local server).
 * Each provider runs in its own process, since the database client is chosen at start-up.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const SYNTHETIC_ROWS = 100_000;

if (process.argv[2] === "--provider") await runOne(process.argv[3] as "sqlite" | "postgresql", process.argv[4]);
else runAll();

function runAll(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const synthetic = path.join(dir, "synthetic-100k.csv");
  execFileSync("npx", ["tsx", "lib/cli/generate.ts", "--rows", String(SYNTHETIC_ROWS), "--out", synthetic, "--seed", "11"], { stdio: "inherit" });
  process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  for (const provider of ["sqlite", "postgresql"]) {
    execFileSync("npx", ["tsx", "--conditions", "react-server", "tests/bench/import.ts", "--provider", provider, synthetic], { stdio: "inherit" });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

async function runOne(provider: "sqlite" | "postgresql", synthetic: string): Promise<void> {
  const { createTestDatabase } = await import("../integration/support/databases");
  const database = await createTestDatabase(provider);
  process.env.DATABASE_URL = database.url;
  const { importFile } = await import("@/lib/services/importFile");
  const { db } = await import("@/lib/db/client");
  try {
    for (const [label, file] of [
      ["real file (2,240 rows)", REAL_FILE],
      ["synthetic 100,000 rows", synthetic],
      ["synthetic again (unchanged)", synthetic],
    ] as const) {
      const started = performance.now();
      const summary = await importFile({ kind: "customers", source: file, fileName: path.basename(file), userId: null, allowRejected: true });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${provider.padEnd(10)} ${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ` +
          `(${summary.rowsInserted} new, ${summary.rowsUnchanged} unchanged, ${summary.rowsRejected} rejected)`,
      );
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
