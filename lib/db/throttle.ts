/**
 * Sign-in attempt counters, kept in the database so every process sees the same counts.
 * An attempt is counted by one insert-or-increment statement before its password is checked,
 * so parallel attempts each see a different count and no more than the limit get through.
 */
import "server-only";
import { db } from "./internal/client";
import { queryRaw } from "./internal/dialect";

export interface Counted {
  /** Attempts in the current window, this one included (unchanged while the key is locked). */
  attempts: number;
  locked: boolean;
}

const T = `"SignInThrottle"`;
const LOCKED = `${T}."lockedUntil" > ?`;
const STALE = `(${T}."lockedUntil" IS NOT NULL OR ${T}."windowStart" <= ?)`;

/**
 * Counts one attempt against `key`. A locked key is left as it is; a key whose window or lock
 * has run out starts again at 1.
 */
export async function countAttempt(key: string, now: Date, windowMs: number): Promise<Counted> {
  const windowOpened = new Date(now.getTime() - windowMs);
  const [row] = await queryRaw<{ failures: number | bigint; locked: unknown }>(
    db,
    `INSERT INTO ${T} ("key", "failures", "windowStart", "lockedUntil") VALUES (?, 1, ?, NULL)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN ${LOCKED} THEN ${T}."failures" WHEN ${STALE} THEN 1 ELSE ${T}."failures" + 1 END,
       "windowStart" = CASE WHEN ${LOCKED} THEN ${T}."windowStart" WHEN ${STALE} THEN ? ELSE ${T}."windowStart" END,
       "lockedUntil" = CASE WHEN ${LOCKED} THEN ${T}."lockedUntil" ELSE NULL END
     RETURNING "failures", CASE WHEN "lockedUntil" IS NULL THEN 0 ELSE 1 END AS "locked"`,
    [key, now, now, windowOpened, now, windowOpened, now, now],
  );
  return { attempts: Number(row.failures), locked: Number(row.locked) === 1 };
}

/**
 * Takes the next turn on `key` if none is pending, and sets the one after `gapMs` ahead: one
 * conditional statement, so of parallel attempts exactly one gets the turn.
 */
export async function takeTurn(key: string, now: Date, gapMs: number): Promise<boolean> {
  const rows = await queryRaw<{ key: string }>(
    db,
    `INSERT INTO ${T} ("key", "failures", "windowStart", "lockedUntil") VALUES (?, 0, ?, ?)
     ON CONFLICT ("key") DO UPDATE SET "windowStart" = excluded."windowStart", "lockedUntil" = excluded."lockedUntil"
       WHERE ${T}."lockedUntil" IS NULL OR ${T}."lockedUntil" <= ?
     RETURNING "key"`,
    [key, now, new Date(now.getTime() + gapMs), now],
  );
  return rows.length === 1;
}

/** Takes back an attempt counted by countAttempt that turned out not to be a failure. */
export async function uncountAttempt(key: string): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export async function lockKey(key: string, until: Date): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key }, data: { lockedUntil: until } });
}

export async function lockedUntil(key: string): Promise<Date | null> {
  return (await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } }))?.lockedUntil ?? null;
}

export async function clearThrottle(keys: string[]): Promise<number> {
  return (await db.signInThrottle.deleteMany({ where: { key: { in: keys } } })).count;
}

/** Removes the keys that start with any of `prefixes`; returns how many it removed. */
export async function clearThrottlePrefixes(prefixes: string[]): Promise<number> {
  const { count } = await db.signInThrottle.deleteMany({ where: { OR: prefixes.map((prefix) => ({ key: { startsWith: prefix } })) } });
  return count;
}

export async function listLockedKeys(now: Date): Promise<{ key: string; lockedUntil: Date }[]> {
  const rows = await db.signInThrottle.findMany({ where: { lockedUntil: { gt: now } }, orderBy: { lockedUntil: "desc" } });
  return rows.map((row) => ({ key: row.key, lockedUntil: row.lockedUntil! }));
}

/** Deletes counters whose window and lock have both run out: they would start again at 1 anyway. */
export async function pruneThrottle(now: Date, windowMs: number): Promise<number> {
  const { count } = await db.signInThrottle.deleteMany({
    where: { windowStart: { lte: new Date(now.getTime() - windowMs) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}
