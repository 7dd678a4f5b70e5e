import "server-only";
import { hashTokenSecret, newTokenSecret } from "./tokenSecrets";
import { withAudit, type AuditOf } from "./audit";
import { db, type Role } from "./internal/client";

const listed = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdBy: { select: { email: true } },
} as const;

/** Creates a token; the secret is returned here once and never stored. */
export async function createApiToken(input: { name: string; scope: Role; expiresAt: Date | null; createdById: string | null }, auditOf?: AuditOf<ListedToken>) {
  const { secret, prefix, hash } = newTokenSecret();
  const token = await withAudit((tx) => tx.apiToken.create({ data: { ...input, prefix, tokenHash: hash }, select: listed }), auditOf);
  return { token, secret };
}

type ListedToken = Awaited<ReturnType<typeof listApiTokens>>[number];

export async function listApiTokens() {
  return db.apiToken.findMany({ orderBy: { createdAt: "desc" }, select: listed });
}

/** `auditOf` is told whether this call revoked it (false: it was revoked already). */
export async function revokeApiToken(id: string, auditOf?: AuditOf<boolean>): Promise<boolean> {
  const revoked = await withAudit(
    async (tx) => (await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })).count === 1,
    auditOf,
  );
  store.segmentStudioTokenRevocations = (store.segmentStudioTokenRevocations ?? 0) + 1;
  for (const [hash, entry] of lookups()) if (entry.token?.id === id) lookups().delete(hash);
  return revoked;
}

interface LiveToken {
  id: string;
  name: string;
  scope: Role;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * Token lookups are kept for a second, so an API call does not wait on a query to check
 * its token. A revocation takes effect at once in the process that made it (revokeApiToken
 * drops the entry, and a lookup that read the token before the revocation is not kept); in
 * other processes (npm run token, a second server) within LOOKUP_TTL_MS. Expiry is checked on
 * every call. Kept on globalThis: Next.js may load this module once per route bundle.
 */
const LOOKUP_TTL_MS = 1_000;
const MAX_LOOKUPS = 10_000;
const store = globalThis as unknown as {
  segmentStudioTokenLookups?: Map<string, { at: number; token: LiveToken | null }>;
  segmentStudioTokenRevocations?: number;
};
const lookups = () => (store.segmentStudioTokenLookups ??= new Map());

/** The live token with this secret, or null for an unknown, revoked or expired one. */
export async function findLiveToken(secret: string, now = new Date()): Promise<LiveToken | null> {
  const hash = hashTokenSecret(secret);
  let entry = lookups().get(hash);
  if (!entry || now.getTime() - entry.at > LOOKUP_TTL_MS) {
    const revocations = store.segmentStudioTokenRevocations;
    const row = await db.apiToken.findUnique({
      where: { tokenHash: hash },
      select: { id: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
    entry = {
      at: now.getTime(),
      token: row && !row.revokedAt ? { id: row.id, name: row.name, scope: row.scope as Role, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt } : null,
    };
    if (lookups().size >= MAX_LOOKUPS) lookups().clear();
    if (store.segmentStudioTokenRevocations === revocations) lookups().set(hash, entry);
  }
  const { token } = entry;
  return token && !(token.expiresAt && token.expiresAt <= now) ? token : null;
}

/** At most one write a minute per token: last use is for people, not an access log. */
export async function touchApiToken(token: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  // The kept lookup shares this object: later calls see the new time and skip the write.
  token.lastUsedAt = now;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
}
