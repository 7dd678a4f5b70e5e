import { parseScoreRequest, toRecords } from "@/lib/api/v1/schemas";
import { invalid, noActiveRun } from "@/lib/api/v1/respond";
import { env } from "@/lib/env";
import { BodyError, readJsonBody } from "@/lib/http/jsonBody";
import { jsonError } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";
import { activeModels, scoreCustomers } from "@/lib/services/scoring";

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
  const run = await activeModels();
  if (!run) return noActiveRun();
  return Response.json({ results: scoreCustomers(run, toRecords(parsed.data)) });
});
