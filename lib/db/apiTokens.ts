import "server-only";
import { hashTokenSecret, newTokenSecret } from "@/lib/auth/apiTokens";
import type { Role } from "@/lib/auth/roles";
import { db } from "./client";

const listed = { id: true, name: true, scope: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { email: true } } } as const;

/** Creates a token; the secret is returned here once and never stored. */
export async function createApiToken(input: { name: string; scope: Role; expiresAt: Date | null; createdById: string | null }) {
  const { secret, prefix, hash } = newTokenSecret();
  const token = await db.apiToken.create({ data: { ...input, prefix, tokenHash: hash }, select: listed });
  return { token, secret };
}

export async function listApiTokens() {
  return db.apiToken.findMany({ orderBy: { createdAt: "desc" }, select: listed });
}

export async function revokeApiToken(id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The live token with this secret, or null for an unknown, revoked or expired one. */
export async function findLiveToken(secret: string, now = new Date()) {
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashTokenSecret(secret) }, select: { id: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  return { ...token, scope: token.scope as Role };
}

/** At most one write a minute per token: last use is for people, not an access log. */
export async function touchApiToken(token: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
}
