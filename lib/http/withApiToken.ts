/**
 * The wrapper every v1 API route goes through: a live bearer token (401), enough scope (403),
 * the per-token rate limit (429 with Retry-After), and 503 with Retry-After when the database
 * cannot be reached. The handler gets the token it was called with.
 */
import "server-only";
import { bearerSecret } from "@/lib/auth/apiTokens";
import { can, type Permission, type Role } from "@/lib/auth/roles";
import { findLiveToken, touchApiToken } from "@/lib/db/apiTokens";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { RateLimiter } from "./rateLimit";
import { jsonError } from "./responses";

export interface ApiCaller {
  tokenId: string;
  name: string;
  scope: Role;
}

type Handler<P> = (req: Request, ctx: { caller: ApiCaller; params: P }) => Promise<Response>;

const limiter = new RateLimiter({ perSecond: env.API_RATE_PER_SECOND, burst: env.API_RATE_BURST });

export function unavailable(message: string): Response {
  return withHeader(jsonError(503, message), "Retry-After", "5");
}

export function withApiToken<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const secret = bearerSecret(req.headers.get("authorization"));
    if (!secret) return withHeader(jsonError(401, "Send an API token: Authorization: Bearer <token>."), "WWW-Authenticate", "Bearer");
    try {
      const token = await findLiveToken(secret);
      if (!token) return withHeader(jsonError(401, "The token is unknown, revoked or expired."), "WWW-Authenticate", 'Bearer error="invalid_token"');
      if (!can(token.scope, permission)) return jsonError(403, `The token's scope (${token.scope}) may not do this.`);
      const decision = limiter.take(token.id);
      if (!decision.allowed) return withHeader(jsonError(429, "Too many requests for this token."), "Retry-After", String(decision.retryAfterSeconds));
      await touchApiToken(token);
      return await handler(req, { caller: { tokenId: token.id, name: token.name, scope: token.scope }, params: await context.params });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailable("The database cannot be reached; try again shortly.");
      throw error;
    }
  };
}

function withHeader(response: Response, name: string, value: string): Response {
  response.headers.set(name, value);
  return response;
}
