/**
 * The wrapper every v1 API route goes through: a live bearer token (401), enough scope (403),
 * the per-token rate limit (429 with Retry-After), and 503 with Retry-After when the database
 * cannot be reached. The handler gets the token it was called with. Unknown, revoked and
 * expired tokens are rate-limited per client address (429 once over), so guessing is slow;
 * a live token is never held back by them. Both limits are counted in the database across every
 * server process (lib/http/rateLimit.ts says how). Bearer requests carry no cookie, so a page on
 * another site gains nothing by sending one: no Origin check here (see withPermission).
 */
import "server-only";
import { readBearerSecret } from "@/lib/auth/apiTokens";
import { can, type Permission, type Role } from "@/lib/auth/roles";
import { drawFromBucket, pruneRateBuckets } from "@/lib/db/apiRate";
import { findLiveToken, touchApiToken } from "@/lib/db/tokens";
import { env } from "@/lib/env";
import { clientAddress } from "./clientAddress";
import { answeringOutage } from "./outage";
import { RateLimiter, type RateLimit } from "./rateLimit";
import { refuse, withHeader } from "./responses";

export interface ApiCaller {
  tokenId: string;
  name: string;
  scope: Role;
}

type Handler<P> = (req: Request, ctx: { caller: ApiCaller; params: P }) => Promise<Response>;

const PRUNE_EVERY_MS = 60_000;

/** A limiter on the shared buckets under `prefix`; now and then it removes those of its buckets that are full again. */
function sharedLimiter(prefix: string, limit: RateLimit): RateLimiter {
  let prunedAt = Date.now();
  return new RateLimiter(limit, (key, want) => {
    const now = Date.now();
    if (now - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = now;
      void pruneRateBuckets(prefix, now - (limit.burst / limit.perSecond) * 1000).catch(() => undefined);
    }
    return drawFromBucket(prefix + key, want, limit, now);
  });
}

/** One pair per process, on globalThis: Next.js may load this module once per route bundle, and each would hold slices of its own. */
const store = globalThis as unknown as { segmentStudioApiLimiters?: { limiter: RateLimiter; badTokenLimiter: RateLimiter } };
const { limiter, badTokenLimiter } = (store.segmentStudioApiLimiters ??= {
  limiter: sharedLimiter("token:", { perSecond: env.API_RATE_PER_SECOND, burst: env.API_RATE_BURST }),
  badTokenLimiter: sharedLimiter("address:", { perSecond: env.API_BAD_TOKEN_RATE_PER_SECOND, burst: env.API_BAD_TOKEN_BURST }),
});

/** 401 for a token that is not live, or 429 when its address has sent too many of them. */
async function refuseToken(req: Request): Promise<Response> {
  const decision = await badTokenLimiter.take(clientAddress(req.headers));
  if (!decision.allowed)
    return withHeader(refuse("rate_limited", "Too many requests with unknown tokens from this address."), "Retry-After", String(decision.retryAfterSeconds));
  return withHeader(refuse("unauthenticated", "The token is unknown, revoked or expired."), "WWW-Authenticate", 'Bearer error="invalid_token"');
}

export function withApiToken<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const secret = readBearerSecret(req.headers.get("authorization"));
    if (!secret) return withHeader(refuse("unauthenticated", "Send an API token: Authorization: Bearer <token>."), "WWW-Authenticate", "Bearer");
    return answeringOutage(async () => {
      const token = await findLiveToken(secret);
      if (!token) return refuseToken(req);
      if (!can(token.scope, permission)) return refuse("forbidden", `The token's scope (${token.scope}) may not do this.`);
      const decision = await limiter.take(token.id);
      if (!decision.allowed) return withHeader(refuse("rate_limited", "Too many requests for this token."), "Retry-After", String(decision.retryAfterSeconds));
      await touchApiToken(token);
      return handler(req, { caller: { tokenId: token.id, name: token.name, scope: token.scope }, params: await context.params });
    });
  };
}
