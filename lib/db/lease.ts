/**
 * Single flight for retraining, across processes and machines. On PostgreSQL a session
 * advisory lock on a dedicated connection: it dies with the process, so a crashed run frees
 * it at once. On SQLite a lease row with an expiry that the holder's heartbeat pushes
 * forward: a crashed run's lease simply runs out. Either way the lease row says which run
 * holds it, and a run whose lease was taken over is marked failed with the reason.
 */
import "server-only";
import pg from "pg";
import { db, type Prisma } from "./client";
import { databaseTarget } from "./provider";

const LEASE_NAME = "retrain";
const PG_LOCK_KEY = 7_362_901;
export const LEASE_TTL_MS = Number(process.env.RETRAIN_LEASE_TTL_MS ?? 60_000);
const HEARTBEAT_MS = Math.max(1_000, Math.floor(LEASE_TTL_MS / 6));

export class RetrainBusyError extends Error {
  constructor(readonly runId: number) {
    super(`a retrain is already running (run ${runId})`);
    this.name = "RetrainBusyError";
  }
}

export interface RetrainLease {
  runId: number;
  release(): Promise<void>;
}

export async function acquireRetrainLease(runId: number, holder: string): Promise<RetrainLease> {
  const target = databaseTarget();
  const lockClient = target.provider === "postgresql" ? await takeAdvisoryLock(target.url) : null;
  try {
    const previous = lockClient ? await takeOverLease(runId, holder) : await claimLease(runId, holder);
    if (previous !== null) await failAbandonedRun(previous);
  } catch (error) {
    await lockClient?.end();
    throw error;
  }
  const heartbeat = setInterval(() => {
    db.retrainLease
      .updateMany({ where: { name: LEASE_NAME, runId }, data: { expiresAt: expiry(), heartbeatAt: new Date() } })
      .catch((error: unknown) => console.error(`retrain lease heartbeat failed: ${(error as Error).message}`));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    runId,
    async release() {
      clearInterval(heartbeat);
      await db.retrainLease.deleteMany({ where: { name: LEASE_NAME, runId } });
      await lockClient?.end();
    },
  };
}

/** The run holding the lease now, if any (for the admin page and 409 answers). */
export async function currentLeaseHolder(): Promise<number | null> {
  const lease = await db.retrainLease.findUnique({ where: { name: LEASE_NAME } });
  return lease && lease.expiresAt > new Date() ? lease.runId : null;
}

/**
 * Inside a transaction: throws RetrainBusyError while a retrain holds the lease, and keeps one
 * from starting until the transaction ends (PostgreSQL: the retrain's advisory lock, taken for
 * the transaction; SQLite: its write lock, taken by a first write).
 */
export async function holdOffRetrain(tx: Prisma.TransactionClient): Promise<void> {
  if (databaseTarget().provider === "postgresql") {
    const rows = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${PG_LOCK_KEY}) AS locked`);
    if (!rows[0].locked) {
      const lease = await tx.retrainLease.findUnique({ where: { name: LEASE_NAME } });
      throw new RetrainBusyError(lease?.runId ?? 0);
    }
  }
  else {
    // A write first: SQLite's deferred transaction then holds the write lock, so no retrain can take the lease between this check and the caller's writes.
    await tx.retrainLease.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
  const lease = await tx.retrainLease.findUnique({ where: { name: LEASE_NAME } });
  if (lease && lease.expiresAt > new Date()) throw new RetrainBusyError(lease.runId);
}

function expiry(): Date {
  return new Date(Date.now() + LEASE_TTL_MS);
}

async function takeAdvisoryLock(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PG_LOCK_KEY]);
  if (rows[0].locked) return client;
  await client.end();
  throw new RetrainBusyError(await holderOfLock());
}

/**
 * The lock's holder writes its lease row only just after taking the lock: a retrain turned away
 * in between would otherwise name no run. Waits up to two seconds for the row to appear.
 */
async function holderOfLock(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const holder = await currentLeaseHolder();
    if (holder !== null) return holder;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 0;
}

/** PostgreSQL: we hold the advisory lock, so any lease row left is a dead holder's. Returns that run. */
async function takeOverLease(runId: number, holder: string): Promise<number | null> {
  const existing = await db.retrainLease.findUnique({ where: { name: LEASE_NAME } });
  const data = { runId, holder, expiresAt: expiry(), heartbeatAt: new Date() };
  await db.retrainLease.upsert({ where: { name: LEASE_NAME }, create: { name: LEASE_NAME, ...data }, update: data });
  return existing && existing.runId !== runId ? existing.runId : null;
}

/** SQLite: an atomic conditional write; only an absent or expired lease can be claimed. Returns the expired holder. */
async function claimLease(runId: number, holder: string): Promise<number | null> {
  const now = new Date();
  const data = { runId, holder, expiresAt: expiry(), heartbeatAt: now };
  const existing = await db.retrainLease.findUnique({ where: { name: LEASE_NAME } });
  if (!existing) {
    try {
      await db.retrainLease.create({ data: { name: LEASE_NAME, ...data } });
      return null;
    } catch {
      throw new RetrainBusyError((await currentLeaseHolder()) ?? 0);
    }
  }
  const { count } = await db.retrainLease.updateMany({ where: { name: LEASE_NAME, runId: existing.runId, expiresAt: { lt: now } }, data });
  if (count === 0) throw new RetrainBusyError(existing.runId);
  return existing.runId;
}

async function failAbandonedRun(runId: number): Promise<void> {
  await db.modelRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: "its worker stopped before finishing (the retrain lease was abandoned)" },
  });
}
