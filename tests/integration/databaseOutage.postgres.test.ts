/**
 * The database going away under the app, on real PostgreSQL behind a proxy that can cut it
 * off: the API answers 503 with Retry-After rather than failing, an import cut off mid-write
 * leaves nothing behind, and everything works again once the database is back. And a
 * transaction whose connection is cut, or whose COMMIT fails, gives its connection back to the
 * pool, so outage after outage the pool keeps its size and $disconnect returns.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { databaseTarget } from "@/lib/db/internal/provider";
import { handledLater } from "@/tests/support/handledLater";
import { createTestDatabase, postgresAvailable, useTestDatabase, type TestDatabase } from "./support/databases";
import { startTcpProxy, type TcpProxy } from "./support/tcpProxy";

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.runIf(postgresAvailable())("PostgreSQL going away", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let dir: string;
  let db: typeof import("@/lib/db/internal/client").db;
  let importFile: typeof import("@/lib/services/importFile").importFile;
  let segments: Route;
  let secret: string;

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    proxy = await startTcpProxy(database.url);
    process.env.DATABASE_URL = proxy.url;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outage-"));
    ({ db } = await import("@/lib/db/internal/client"));
    ({ importFile } = await import("@/lib/services/importFile"));
    segments = (await import("@/app/api/v1/segments/route")).GET as Route;
    secret = (await (await import("@/lib/db/tokens")).createApiToken({ name: "outage", scope: "VIEWER", expiresAt: null, createdById: null })).secret;
  });

  afterAll(async () => {
    // The transaction cut off mid-import has handed its connection back (lib/db/internal/postgresAdapter),
    // so the pool ends; bounded so that a regression fails rather than hangs.
    await within(10_000, db?.$disconnect());
    await proxy?.close();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const callSegments = () =>
    segments(new Request("http://localhost/api/v1/segments", { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });

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
      expect(await response.json()).toEqual({ error: "The database cannot be reached; try again shortly.", details: [] });
    } finally {
      await proxy.restore();
    }
    const again = await callSegments();
    expect(again.status).toBe(503);
    expect((await again.json()).error).toMatch(/No model is active yet/);
  });

  test("an import cut off mid-write leaves no customer and no batch behind; the same file imports in full afterwards", async () => {
    const file = writeCustomers(30_000, 0);
    const importing = handledLater(importFile({ kind: "customers", source: file, fileName: "big.csv", userId: null }));
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

describe.runIf(postgresAvailable())("PostgreSQL connections cut inside a transaction", () => {
  const MAX = 3;
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: typeof import("@/lib/db/internal/client").db;

  beforeAll(async () => {
    // Importing lib/db/internal/client builds its own client from DATABASE_URL too: point it here.
    database = await useTestDatabase("postgresql");
    pool = new pg.Pool({ connectionString: database.url, max: MAX });
    const { createDb } = await import("@/lib/db/internal/client");
    const { PostgresAdapter } = await import("@/lib/db/internal/postgresAdapter");
    db = createDb(databaseTarget(database.url), new PostgresAdapter(pool, { disposeExternalPool: true }));
  });

  afterAll(async () => {
    if (!pool?.ended) await within(5_000, db?.$disconnect()).catch(() => undefined);
    await database?.drop();
  });

  /** Cuts a transaction's connection from an admin session, idle between statements or in the middle of one. */
  async function cutTransaction(midStatement: boolean): Promise<void> {
    await db.$transaction(async (tx) => {
      const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await tx.customer.count();
      if (!midStatement) {
        await terminateBackend(database.url, pid);
        await tx.customer.count();
        return;
      }
      // A Prisma query is sent when awaited: then() sends this one now, to be cut while it runs.
      const sleeping = Promise.resolve(tx.$executeRaw`SELECT pg_sleep(60)`);
      sleeping.catch(() => undefined);
      await waitForActive(database.url, pid);
      await terminateBackend(database.url, pid);
      await sleeping;
    });
  }

  /** `MAX` transactions open at once: each holds its own connection until all have started. */
  async function fillPool(): Promise<number[]> {
    let started = 0;
    let allStarted!: () => void;
    const barrier = new Promise<void>((resolve) => (allStarted = resolve));
    return Promise.all(
      Array.from({ length: MAX }, () =>
        db.$transaction(async (tx) => {
          const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          if (++started === MAX) allStarted();
          await barrier;
          return pid;
        }),
      ),
    );
  }

  test("a COMMIT the database refuses hands its connection back, healthy, to be used again", async () => {
    let failedPid = 0;
    const refused = db.$transaction(async (tx) => {
      [{ pid: failedPid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await tx.$executeRaw`CREATE TEMP TABLE checked_at_commit (id int UNIQUE DEFERRABLE INITIALLY DEFERRED)`;
      await tx.$executeRaw`INSERT INTO checked_at_commit VALUES (1), (1)`;
    });
    await expect(refused).rejects.toThrow(/UniqueConstraintViolation/);
    expect({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({ total: 1, idle: 1, waiting: 0 });
    const after = await db.$transaction((tx) => tx.$queryRaw`SELECT pg_backend_pid() AS pid, to_regclass('pg_temp.checked_at_commit') IS NULL AS "rolledBack"`);
    expect(after).toEqual([{ pid: failedPid, rolledBack: true }]);
  });

  test("five outages in a row each hand the cut connection back: queries and transactions work, the pool keeps its size, $disconnect returns", async () => {
    for (let outage = 1; outage <= 5; outage++) {
      await expect(cutTransaction(outage % 2 === 0)).rejects.toThrow();
      expect(await db.$queryRaw`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
      expect(await db.$transaction((tx) => tx.$queryRaw`SELECT 2::int AS two`)).toEqual([{ two: 2 }]);
      expect({ outage, checkedOut: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }).toEqual({ outage, checkedOut: 0, waiting: 0 });
      expect(new Set(await fillPool()).size).toBe(MAX);
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: MAX, idle: MAX });
    }
    await within(10_000, db.$disconnect());
    expect(pool.ended).toBe(true);
  }, 120_000);
});

/** Rejects, rather than hangs, when `promise` takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T> | undefined): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Ends one session of the test's own database (never another's) and waits until it is gone. */
async function terminateBackend(url: string, pid: number): Promise<void> {
  const ended = await countDirect(
    process.env.TEST_POSTGRES_URL!,
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid} AND datname = '${new URL(url).pathname.slice(1)}' AND pg_terminate_backend(pid, 5000)`,
  );
  expect(ended).toBe(1);
}

async function waitForActive(url: string, pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  const sql = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid} AND state = 'active'`;
  while ((await countDirect(url, sql)) === 0) {
    if (Date.now() > deadline) throw new Error(`session ${pid} never started its statement`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** True while some session of this database is inside a transaction that has written. */
async function writing(url: string): Promise<boolean> {
  return (
    (await countDirect(
      url,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
    )) > 0
  );
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
