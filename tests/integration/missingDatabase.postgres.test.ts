/** `npm run db:deploy` against a database that was never created: one plain line and exit 1, not a pg-protocol stack trace. */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { postgresAvailable } from "./support/databases";

describe.runIf(postgresAvailable())("db:deploy on a missing PostgreSQL database", () => {
  test("prints one line naming the database, the server and how to create it, and exits 1", () => {
    const name = `segment_studio_missing_${randomBytes(5).toString("hex")}`;
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.pathname = `/${name}`;
    const result = spawnSync("npx", ["tsx", "--conditions", "react-server", "lib/cli/prisma.ts", "deploy"], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      encoding: "utf8",
    });
    const where = `${url.hostname}:${url.port || "5432"}`;
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`database "${name}" does not exist on ${where}: create it with createdb ${name} (or psql -c 'CREATE DATABASE ${name}')\n`);
  });
});
