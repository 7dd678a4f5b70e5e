/**
 * API rate-limit buckets in the database, so every server process draws on one allowance per
 * token or client address. One insert-or-update statement refills a bucket for the time passed
 * since its last draw and takes what it can, so parallel draws never take the same token twice.
 */
import "server-only";
import { db } from "./internal/client";
import { queryRaw } from "./internal/dialect";

export interface BucketLimit {
  perSecond: number;
  burst: number;
}

export interface Draw {
  /** Tokens taken: `want`, or 1 when fewer than `want` but at least 1 were left, or 0. */
  granted: number;
  /** Tokens left in the bucket after this draw (may be fractional). */
  left: number;
}

const T = `"ApiRateBucket"`;

/** Takes up to `want` tokens from the bucket `key`; a new bucket starts full. */
export async function drawFromBucket(key: string, want: number, limit: BucketLimit, now = Date.now()): Promise<Draw> {
  const [perMs, burst, wanted] = [limit.perSecond / 1000, limit.burst, Math.max(1, Math.floor(want))].map((value) => {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`rate limit values must be positive numbers (got ${value})`);
    return String(value);
  });
  // Numbers are inlined (checked above) so PostgreSQL needs no parameter types in the arithmetic.
  const elapsed = `CASE WHEN excluded."at" > ${T}."at" THEN excluded."at" - ${T}."at" ELSE 0 END`;
  const refilled = `CASE WHEN ${T}."tokens" + (${elapsed}) * ${perMs} > ${burst} THEN ${burst} ELSE ${T}."tokens" + (${elapsed}) * ${perMs} END`;
  const granted = `CASE WHEN ${refilled} >= ${wanted} THEN ${wanted} WHEN ${refilled} >= 1 THEN 1 ELSE 0 END`;
  const first = Math.min(Number(wanted), Math.floor(limit.burst));
  const [row] = await queryRaw<{ tokens: number; granted: number | bigint }>(
    db,
    `INSERT INTO ${T} ("key", "tokens", "at", "granted") VALUES (?, ?, ?, ?)
     ON CONFLICT ("key") DO UPDATE SET
       "tokens" = ${refilled} - (${granted}),
       "granted" = ${granted},
       "at" = CASE WHEN excluded."at" > ${T}."at" THEN excluded."at" ELSE ${T}."at" END
     RETURNING "tokens", "granted"`,
    [key, limit.burst - first, BigInt(now), first],
  );
  return { granted: Number(row.granted), left: Number(row.tokens) };
}

/** Removes the buckets under `prefix` not drawn from since `before` (ms): a caller passes a time after which they are full again. */
export async function pruneRateBuckets(prefix: string, before: number): Promise<number> {
  return (await db.apiRateBucket.deleteMany({ where: { key: { startsWith: prefix }, at: { lt: BigInt(Math.floor(before)) } } })).count;
}
