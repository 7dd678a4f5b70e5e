/**
 * An import's memory is bounded by its chunks, not by its file: an order file of short rows is
 * imported through the CLI in a child process whose heap is capped, so an import that held its
 * rows would crash it (before streaming, a 33 MB file of such rows peaked at 3.9 GB). Every run
 * imports 12 MB under a 192 MB heap; with HEAVY_TESTS=1 also 150 MB (under the 200 MB limit)
 * under 512 MB, which takes about 25 minutes on two shared cores, most of it SQLite writes.
 * Peak memory is measured by `npm run bench:import`, not here.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeShortOrderFile } from "../support/shortOrderRows";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const MB = 1024 * 1024;
const CASES = [
  { fileMb: 12, heapMb: 192, heavy: false },
  { fileMb: 150, heapMb: 512, heavy: true },
];

describe.each(CASES.filter((entry) => !entry.heavy || process.env.HEAVY_TESTS === "1"))(
  "a $fileMb MB import under a $heapMb MB heap (SQLite)",
  ({ fileMb, heapMb }) => {
    let database: TestDatabase;
    let dir: string;
    let db: typeof import("@/lib/db/internal/client").db;

    beforeAll(async () => {
      database = await useTestDatabase("sqlite");
      ({ db } = await import("@/lib/db/internal/client"));
      dir = await mkdtemp(path.join(tmpdir(), "import-memory-"));
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test("imports every row", { timeout: 60 * 60_000 }, async () => {
      const file = path.join(dir, "orders.csv");
      const rows = await writeShortOrderFile(file, fileMb * MB);
      // NODE_OPTIONS reaches the node process tsx starts for the CLI.
      const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["--conditions", "react-server", "lib/cli/import.ts", file, "--kind", "orders"], {
        env: { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
        maxBuffer: 1 << 20,
      });
      const count = rows.toLocaleString("en-US");
      expect(stdout).toContain(`${count} rows read, ${count} new, 0 updated, 0 unchanged, 0 rejected`);
      expect(await db.order.count()).toBe(rows);
    });
  },
);
