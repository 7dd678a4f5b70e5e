/**
 * Heavy, so it runs only with HEAVY_TESTS=1 (it takes tens of minutes on two shared cores):
 * an import's memory is bounded by its chunks, not by its file. A 150 MB order file of short
 * rows (under the 200 MB limit) is imported through the CLI in a child process whose heap is
 * capped at 512 MB, so an import that held its rows would crash it. Peak memory is measured
 * by `npm run bench:import`, not here.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeShortOrderFile } from "../support/shortOrderRows";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const FILE_BYTES = 150 * 1024 * 1024;
const HEAP_CEILING_MB = 512;

describe.runIf(process.env.HEAVY_TESTS === "1")("a 150 MB import under a 512 MB heap (SQLite)", () => {
  let database: TestDatabase;
  let dir: string;
  let db: typeof import("@/lib/db/client").db;

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    ({ db } = await import("@/lib/db/client"));
    dir = await mkdtemp(path.join(tmpdir(), "import-memory-"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("imports every row", { timeout: 60 * 60_000 }, async () => {
    const file = path.join(dir, "orders.csv");
    const rows = await writeShortOrderFile(file, FILE_BYTES);
    // NODE_OPTIONS reaches the node process tsx starts for the CLI.
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["--conditions", "react-server", "lib/cli/import.ts", file, "--kind", "orders"], {
      env: { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: `--max-old-space-size=${HEAP_CEILING_MB}` },
      maxBuffer: 1 << 20,
    });
    const count = rows.toLocaleString("en-US");
    expect(stdout).toContain(`${count} rows read, ${count} new, 0 updated, 0 unchanged, 0 rejected`);
    expect(await db.order.count()).toBe(rows);
  });
});
