import { parseScoreRequest, toRecords } from "@/lib/api/v1/schemas";
import { invalid, noActiveRun } from "@/lib/api/v1/respond";
import { env } from "@/lib/env";
import { BodyError, readJsonBody } from "@/lib/http/jsonBody";
import { jsonError, methodNotAllowed } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";
import { loadActiveModels, scoreCustomers } from "@/lib/services/scoring";

// POST /api/v1/score – score one customer or a batch with the active run; any token with viewDashboards.
export const POST = withApiToken("viewDashboards", async (req) => {
  let body: unknown;
  try {
    body = await readJsonBody(req, env.API_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyError) return jsonError(error.status, error.message);
    throw error;
  }
  const parsed = parseScoreRequest(body);
  if (!parsed.success) return invalid(parsed.error, "request body");
  const run = await loadActiveModels();
  if (!run) return noActiveRun();
  return Response.json({ results: scoreCustomers(run, toRecords(parsed.data)) });
});

const onlyPost = (req: Request) => methodNotAllowed(req.method, ["POST"]);
export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
