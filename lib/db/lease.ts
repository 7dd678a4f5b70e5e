/**
 * Single flight for retraining, across processes and machines. On PostgreSQL a session
 * advisory lock on a dedicated connection: it dies with the process, so a crashed run frees
 * it at once, and a free lock means no run is running. On SQLite a lease row with an expiry
 * that a heartbeat pushes forward; the launcher beats from its own process, so training,
 * which never yields, cannot starve it. Either way the lease row says which run holds it.
 */
import "server-only";
import pg from "pg";
import { db, type Prisma } from "./internal/client";
import { databaseTarget } from "./internal/provider";

const LEASE_NAME = "retrain";
const PG_LOCK_KEY = 7_362_901;
export const LEASE_TTL_MS = Number(process.env.RETRAIN_LEASE_TTL_MS ?? 60_000);
export const HEARTBEAT_MS = Math.max(250, Math.floor(LEASE_TTL_MS / 6));

export class RetrainBusyError extends Error {
  constructor(readonly runId: number) {
    super(`a retrain is already running (run ${runId})`);
    this.name = "RetrainBusyError";
  }
}

/** A run that was taken over or declared dead while it trained: it must write nothing. */
export class LeaseLostError extends Error {
  constructor(readonly runId: number) {
    super(`run ${runId} no longer holds the retrain lease (another run took over or it was declared stopped); nothing was written`);
    this.name = "LeaseLostError";
  }
}

export interface RetrainLease {
  runId: number;
  release(): Promise<void>;
}

/**
 * Takes the lease for `runId` or throws RetrainBusyError naming the live holder. A dead
 * holder's run is marked failed. The in-process heartbeat serves runs trained in this
 * process (tests, the demo's first run); the launcher beats for its job process.
 */
export async function acquireRetrainLease(runId: number, holder: string): Promise<RetrainLease> {
  const target = databaseTarget();
  const lockClient = target.provider === "postgresql" ? await takeAdvisoryLock(target.url) : null;
  try {
    const previous = lockClient ? await takeOverLease(runId, holder) : await claimLease(runId, holder);
    if (previous) await failAbandonedRun(previous.runId, previous.heartbeatAt);
  } catch (error) {
    await lockClient?.end();
    throw error;
  }
  const heartbeat = setInterval(() => beatLease(runId).catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    runId,
    async release() {
      clearInterval(heartbeat);
      await releaseLease(runId);
      await lockClient?.end();
    },
  };
}

/** Pushes the expiry of `runId`'s lease forward; false once the lease names another run or none. */
export async function beatLease(runId: number): Promise<boolean> {
  const { count } = await db.retrainLease.updateMany({ where: { name: LEASE_NAME, runId }, data: { expiresAt: expiry(), heartbeatAt: new Date() } });
  return count === 1;
}

export async function releaseLease(runId: number): Promise<void> {
  await db.retrainLease.deleteMany({ where: { name: LEASE_NAME, runId } });
}

/** The lease row as stored, live or not (for saying when a dead run was last seen). */
export function readLease() {
  return db.retrainLease.findUnique({ where: { name: LEASE_NAME } });
}

/** The run holding the lease now, if any: on PostgreSQL only while its advisory lock is held. */
export async function currentLeaseHolder(): Promise<number | null> {
  const lease = await readLease();
  if (databaseTarget().provider === "postgresql") return (await advisoryLockHeld(db)) ? (lease?.runId ?? (await holderOfLock())) : null;
  return lease && lease.expiresAt > new Date() ? lease.runId : null;
}

/**
 * First write of a run's final transaction: the lease must still name the run, so a run that
 * was taken over cannot write; the write also takes SQLite's write lock (on PostgreSQL the
 * row lock), so no takeover can slip in before the commit.
 */
export async function assertLeaseHeld(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  const { count } = await tx.retrainLease.updateMany({ where: { name: LEASE_NAME, runId }, data: { heartbeatAt: new Date() } });
  if (count === 0) throw new LeaseLostError(runId);
}

/**
 * assertLeaseHeld, and the run still running (not failed by the reaper meanwhile): before any of
 * a run's outcome is written. The run's row itself is not locked: on PostgreSQL, attaching the
 * scores' partition locks ModelRun against writers (its foreign key), and a progress update
 * waiting for that row would deadlock it.
 */
export async function assertRunWriting(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  await assertLeaseHeld(tx, runId);
  if ((await tx.modelRun.count({ where: { id: runId, status: "RUNNING" } })) === 0) throw new LeaseLostError(runId);
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
    return;
  }
  // A write first: SQLite's deferred transaction then holds the write lock, so no retrain can take the lease between this check and the caller's writes.
  await tx.retrainLease.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  const lease = await tx.retrainLease.findUnique({ where: { name: LEASE_NAME } });
  if (lease) throw new RetrainBusyError(lease.runId);
}

/** What a run that died says: when it was last seen and where it was. */
export function stoppedMessage(lastSeen: Date, stage: string | null, cause?: string): string {
  const where = stage ? ` in stage ${stage}` : "";
  return `its process stopped at ${lastSeen.toISOString().slice(11, 19)} UTC${where}${cause ? ` (${cause})` : ""} before finishing`;
}

function expiry(): Date {
  return new Date(Date.now() + LEASE_TTL_MS);
}

/** Advisory locks are per database, so copies of the app sharing a server do not see each other's. */
async function advisoryLockHeld(client: Pick<typeof db, "$queryRawUnsafe">): Promise<boolean> {
  const rows = await client.$queryRawUnsafe<{ held: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ${PG_LOCK_KEY} AND objsubid = 1
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS held`,
  );
  return rows[0].held;
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
 * The lock's holder writes its lease row just after taking the lock: a retrain turned away in
 * between would otherwise name no run. Waits up to five seconds for the row to name a new run.
 */
async function holderOfLock(): Promise<number> {
  let lease = await readLease();
  for (let attempt = 0; attempt < 50 && !lease; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    lease = await readLease();
  }
  return lease?.runId ?? 0;
}

interface PreviousHolder {
  runId: number;
  heartbeatAt: Date;
}

/** PostgreSQL: we hold the advisory lock, so any lease row left is a dead holder's. Returns that holder. */
async function takeOverLease(runId: number, holder: string): Promise<PreviousHolder | null> {
  const existing = await readLease();
  const data = { runId, holder, expiresAt: expiry(), heartbeatAt: new Date() };
  await db.retrainLease.upsert({ where: { name: LEASE_NAME }, create: { name: LEASE_NAME, ...data }, update: data });
  return existing && existing.runId !== runId ? existing : null;
}

/** SQLite: an atomic conditional write; only an absent or expired lease can be claimed. Returns the expired holder. */
async function claimLease(runId: number, holder: string): Promise<PreviousHolder | null> {
  const now = new Date();
  const data = { runId, holder, expiresAt: expiry(), heartbeatAt: now };
  const existing = await readLease();
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
  return existing;
}

async function failAbandonedRun(runId: number, lastSeen: Date): Promise<void> {
  const run = await db.modelRun.findUnique({ where: { id: runId }, select: { stage: true } });
  await db.modelRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: stoppedMessage(lastSeen, run?.stage ?? null) },
  });
}
