/** An API token's state and expiry, for the admin page, the CLI and the lookup alike (no Node imports: the page's table uses it in the browser). */
export type TokenState = "live" | "expired" | "revoked";

export function readTokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  return token.expiresAt && token.expiresAt <= now ? "expired" : "live";
}

/** The expiry of a token made now to last `days` days; null for a token that never expires. */
export function expiresAtFromDays(days: number | null, now: Date = new Date()): Date | null {
  return days ? new Date(now.getTime() + days * 86_400_000) : null;
}
