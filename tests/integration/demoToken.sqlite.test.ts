/**
 * `npm run demo`'s API token step, run as each start runs it: the first start mints the token
 * and keeps it in .env; later starts print the same one; a revoked one is replaced once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase } from "./support/databases";

describe("the demo's API token", () => {
  let database: TestDatabase;
  let dir: string;
  let db: typeof import("@/lib/db/internal/client").db;

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-token-"));
    ({ db } = await import("@/lib/db/internal/client"));
  });

  afterAll(async () => {
    delete process.env.DEMO_API_TOKEN;
    await db?.$disconnect();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A start of the demo: a fresh process reads DEMO_API_TOKEN from .env, then runs the token step. */
  async function start(envFile: string) {
    delete process.env.DEMO_API_TOKEN;
    const kept = fs.existsSync(envFile) ? /^DEMO_API_TOKEN=(.*)$/m.exec(fs.readFileSync(envFile, "utf8"))?.[1] : undefined;
    if (kept) process.env.DEMO_API_TOKEN = kept;
    const { ensureDemoToken } = await import("@/lib/setup/demoToken");
    return ensureDemoToken(envFile);
  }

  test("two starts mint one token and print the same secret; after a revocation the next start mints one more", async () => {
    const envFile = path.join(dir, ".env");
    const first = await start(envFile);
    const second = await start(envFile);
    expect(first.created).toBe(true);
    expect(second).toEqual({ secret: first.secret, created: false });
    expect(await db.apiToken.count()).toBe(1);
    expect(fs.readFileSync(envFile, "utf8")).toBe(`DEMO_API_TOKEN=${first.secret}\n`);

    const { revokeApiToken } = await import("@/lib/db/tokens");
    const [token] = await db.apiToken.findMany();
    await revokeApiToken(token.id);
    const third = await start(envFile);
    const fourth = await start(envFile);
    expect(third.created).toBe(true);
    expect(fourth).toEqual({ secret: third.secret, created: false });
    expect(await db.apiToken.count()).toBe(2);
    expect(await db.apiToken.count({ where: { revokedAt: null } })).toBe(1);
  });
});
