/**
 * The job reports progress without waiting for it, beside synchronous training. On SQLite a
 * report must not leave the file's write lock held between its statements: the rest of the
 * report then waits for training to yield, and so does every other process's write (the web
 * server's rate-limit draws, which wait on the lock with the event loop stopped). A second
 * connection tries to take the write lock at every turn while a report goes through.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { databaseTarget } from "@/lib/db/internal/provider";
import { useTestDatabase, type TestDatabase } from "./support/databases";

let database: TestDatabase;
let db: typeof import("@/lib/db/internal/client").db;
let updateRunProgress: typeof import("@/lib/db/runs").updateRunProgress;

beforeAll(async () => {
  database = await useTestDatabase("sqlite");
  ({ db } = await import("@/lib/db/internal/client"));
  ({ updateRunProgress } = await import("@/lib/db/runs"));
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

/** Whether another connection could take the write lock at every turn of the event loop until `pending` settles. */
async function lockedTurns(filePath: string, pending: Promise<unknown>): Promise<{ turns: number; locked: number }> {
  const other = new Database(filePath, { timeout: 0 });
  let settled = false;
  const done = () => void (settled = true);
  pending.then(done, done);
  let turns = 0;
  let locked = 0;
  try {
    while (!settled) {
      turns++;
      try {
        other.exec("BEGIN IMMEDIATE; ROLLBACK");
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        locked++;
      }
      // Microtasks for the promise chains between the report's statements, now and then a macrotask for any I/O step.
      await (turns % 50 === 0 ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve());
    }
  } finally {
    other.close();
  }
  await pending;
  return { turns, locked };
}

test("a progress report holds SQLite's write lock only within one statement, and moves only a running run", async () => {
  const running = await db.modelRun.create({ data: { trigger: "CLI", seed: 1, config: {}, status: "RUNNING", stage: "snapshot" } });
  const failed = await db.modelRun.create({ data: { trigger: "CLI", seed: 1, config: {}, status: "FAILED", stage: "features" } });
  const target = databaseTarget(database.url);
  if (target.provider !== "sqlite") throw new Error("this test needs a SQLite file");
  const filePath = target.filePath;

  const report = await lockedTurns(filePath, updateRunProgress(running.id, "segmentation", 0.4));
  expect(report.turns).toBeGreaterThan(1);
  expect(report.locked).toBe(0);
  await updateRunProgress(failed.id, "segmentation", 0.4);

  expect(await db.modelRun.findUniqueOrThrow({ where: { id: running.id }, select: { stage: true, progress: true } })).toEqual({
    stage: "segmentation",
    progress: 0.4,
  });
  expect(await db.modelRun.findUniqueOrThrow({ where: { id: failed.id }, select: { stage: true, progress: true } })).toEqual({
    stage: "features",
    progress: 0,
  });
});
