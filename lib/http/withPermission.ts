/**
 * The wrapper every route handler goes through: 401 without a session, 403 for a
 * state-changing request from another origin (crossSiteReason: the session cookie rides along
 * on a cross-site form or fetch, so it proves nothing by itself), 403 without the permission,
 * the signed-in user handed to the handler, and 503 with Retry-After when the database cannot
 * be reached (as withApiToken). Server actions are not route handlers:
 * Next.js refuses one whose Origin host is not the Host (or X-Forwarded-Host) itself, and
 * lets one without Origin through, which browsers always send (docs: serverActions.allowedOrigins).
 */
import "server-only";
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/db/users";
import { crossSiteReason } from "./origin";
import { answeringOutage } from "./outage";
import { refuse } from "./responses";

type Handler<P> = (req: NextRequest, ctx: { user: PublicUser; params: P }) => Promise<Response>;

export function withPermission<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return (req: NextRequest, context: { params: Promise<P> }): Promise<Response> =>
    answeringOutage(async () => {
      const user = await getCurrentUser();
      if (!user) return refuse("unauthenticated", "Sign in first.");
      if (user.mustChangePassword) return refuse("forbidden", "Change your temporary password first (Account).");
      const crossSite = crossSiteReason(req.method, req.headers);
      if (crossSite) return refuse("forbidden", crossSite);
      if (!can(user.role, permission)) return refuse("forbidden", `Your role (${user.role}) may not do this.`);
      return handler(req, { user, params: await context.params });
    });
}
