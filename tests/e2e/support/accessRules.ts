/**
 * Who may open what: one rule per page and per route handler method in app/. The access
 * matrix (access.spec.ts) finds every page and route on disk and fails for one without a rule
 * here, then checks each against anonymous visitors, every role and API tokens of every scope.
 */
import type { Permission } from "@/lib/auth/roles";

/** `public`: anyone; a permission: signed-in users whose role has it. */
export type PageRule = "public" | Permission;

export interface RouteRule {
  /** `session`: a signed-in user with the permission; `token`: an API token whose scope has it. */
  auth: "public" | "session" | "token" | "next-auth";
  permission?: Permission;
  /** A request that exercises the check without changing anything when it is allowed. */
  probe?: { query?: string; body?: string; contentType?: string };
  /** Why an allowed call is not made (it would change data); denied calls are still checked. */
  skipAllowed?: string;
}

export const PAGE_RULES: Record<string, PageRule> = {
  "/signin": "public",
  "/": "viewDashboards",
  "/account": "viewDashboards",
  "/account/password": "viewDashboards",
  "/api-docs": "viewDashboards",
  "/segments": "viewDashboards",
  "/segments/[id]": "viewDashboards",
  "/customers": "viewDashboards",
  "/customers/[id]": "viewDashboards",
  "/campaigns": "viewDashboards",
  "/admin": "retrain",
  "/admin/audit": "retrain",
  "/admin/runs/[id]": "retrain",
  "/admin/import": "importData",
  "/admin/import/[id]": "importData",
  "/admin/users": "manageUsers",
  "/admin/tokens": "manageUsers",
};

export const ROUTE_RULES: Record<string, RouteRule> = {
  "GET /api/auth/[...nextauth]": { auth: "next-auth" },
  "POST /api/auth/[...nextauth]": { auth: "next-auth" },
  "POST /api/import": { auth: "session", permission: "importData", probe: { query: "kind=bogus", body: "ID\n1\n", contentType: "text/csv" } },
  "POST /api/runs": { auth: "session", permission: "retrain", skipAllowed: "it starts a retrain; retrain.spec.ts does that" },
  "GET /api/runs/[id]": { auth: "session", permission: "retrain" },
  "GET /api/export/segments": { auth: "session", permission: "exportData" },
  "GET /api/export/segments/[id]": { auth: "session", permission: "exportData" },
  "GET /api/export/customers": { auth: "session", permission: "exportData" },
  "GET /api/export/campaign": { auth: "session", permission: "exportData" },
  "GET /api/export/runs/[id]": { auth: "session", permission: "retrain" },
  "GET /api/v1/openapi.json": { auth: "public" },
  "POST /api/v1/score": { auth: "token", permission: "viewDashboards", probe: { body: '{"income": 50000}' } },
  // Every other method answers 405 with a JSON body, to anyone: there is nothing behind it to guard.
  "GET /api/v1/score": { auth: "public" },
  "PUT /api/v1/score": { auth: "public" },
  "PATCH /api/v1/score": { auth: "public" },
  "DELETE /api/v1/score": { auth: "public" },
  "GET /api/v1/segments": { auth: "token", permission: "viewDashboards" },
  "GET /api/v1/segments/[id]/customers": { auth: "token", permission: "exportData" },
  "GET /api/v1/runs": { auth: "token", permission: "retrain" },
  "GET /api/v1/runs/[id]": { auth: "token", permission: "retrain" },
};

/** The files in public/, served to anyone: proxy.ts's matcher must leave them out of the sign-in redirect. */
export const PUBLIC_FILES: Record<string, string> = {
  "/icon.svg": "image/svg+xml",
  "/robots.txt": "text/plain",
};

/** Values for dynamic segments when a rule is probed. */
export function samplePath(pattern: string): string {
  return pattern.replace("[...nextauth]", "session").replace(/\[id\]/g, "1");
}
