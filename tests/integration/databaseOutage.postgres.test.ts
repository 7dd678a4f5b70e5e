/**
 * The database going away under the app, on real PostgreSQL behind a proxy that can cut it
 * off: the API answers 503 with Retry-After rather than failing, an import cut off mid-write
 * leaves nothing behind, and everything works again once the database is back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/csv";
import { generateCustomers } from "@/lib/data/synthetic";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/databases";
import { startTcpProxy, type TcpProxy } from "./support/tcpProxy";

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.runIf(postgresAvailable())("PostgreSQL going away", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let dir: string;
  let db: typeof import("@/lib/db/client").db;
  let importFile: typeof import("@/lib/services/importFile").importFile;
  let segments: Route;
  let secret: string;

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    proxy = await startTcpProxy(database.url);
    process.env.DATABASE_URL = proxy.url;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outage-"));
    ({ db } = await import("@/lib/db/client"));
    ({ importFile } = await import("@/lib/services/importFile"));
    segments = (await import("@/app/api/v1/segments/route")).GET as Route;
    secret = (await (await import("@/lib/db/apiTokens")).createApiToken({ name: "outage", scope: "VIEWER", expiresAt: null, createdById: null })).secret;
  });

  afterAll(async () => {
    // The transaction cut off mid-import never hands its pool client back (seen with
    // @prisma/adapter-pg 6.19.3), so the pool's end() would wait for it for ever: bound it.
    await Promise.race([db?.$disconnect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await proxy?.close();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const callSegments = () => segments(new Request("http://localhost/api/v1/segments", { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });

  function writeCustomers(count: number, start: number): string {
    const file = path.join(dir, `customers-${start}.csv`);
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 9, start, count })));
    return file;
  }

  test("the API answers 503 with Retry-After while the database is unreachable, and works again after", async () => {
    expect((await callSegments()).status).toBe(503); // no model yet: 503 for that reason
    await proxy.cut();
    try {
      const response = await callSegments();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error).toMatch(/database cannot be reached/);
    } finally {
      await proxy.restore();
    }
    const again = await callSegments();
    expect(again.status).toBe(503);
    expect((await again.json()).error).toMatch(/No model is active yet/);
  });

  test("an import cut off mid-write leaves no customer and no batch behind; the same file imports in full afterwards", async () => {
    const file = writeCustomers(30_000, 0);
    const importing = importFile({ kind: "customers", source: file, fileName: "big.csv", userId: null });
    // Cut once the write transaction has begun: rows are arriving but nothing is committed.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(await writing(database.url))) await new Promise((resolve) => setTimeout(resolve, 20));
    await proxy.cut();
    await expect(importing).rejects.toThrow();
    await proxy.restore();

    expect(await countDirect(database.url, `SELECT count(*)::int AS n FROM "Customer"`)).toBe(0);
    expect(await countDirect(database.url, `SELECT count(*)::int AS n FROM "ImportBatch"`)).toBe(0);
    const summary = await importFile({ kind: "customers", source: file, fileName: "big.csv", userId: null });
    expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 30_000 });
  }, 180_000);
});

/** True while some session of this database is inside a transaction that has written. */
async function writing(url: string): Promise<boolean> {
  return (await countDirect(url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`)) > 0;
}

async function countDirect(url: string, sql: string): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(sql)).rows[0].n;
  } finally {
    await client.end();
  }
}
