/**
 * POST /api/v1/score's handler: one customer or a batch scored with the active run, for an
 * API token whose scope has viewDashboards (any role). Served by Next.js
 * (app/api/v1/score/route.ts) and by the score server (lib/cli/scoreServer.ts).
 */
import { scoreBody, toRecords } from "@/lib/api/v1/schemas";
import { noActiveRun } from "@/lib/api/v1/respond";
import { env } from "@/lib/env";
import { parseRequest } from "@/lib/http/parseRequest";
import { methodNotAllowed } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";
import { loadActiveModels, scoreCustomers } from "@/lib/services/scoring";

export const scoreRoute = withApiToken("viewDashboards", async (req) => {
  const request = await parseRequest(req, { body: { json: scoreBody, maxBytes: env.API_MAX_BODY_BYTES } });
  if (request instanceof Response) return request;
  const run = await loadActiveModels();
  if (!run) return noActiveRun();
  return Response.json({ results: scoreCustomers(run, toRecords(request.body)) });
});

/** Any other method: 405, to anyone. */
export const scoreOnlyPost = (req: Request) => methodNotAllowed(req.method, ["POST"]);
