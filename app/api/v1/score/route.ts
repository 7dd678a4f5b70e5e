// POST /api/v1/score – score one customer or a batch with the active run; an API token whose scope has viewDashboards (any role). Other methods: 405, to anyone.
import { scoreBody, toRecords } from "@/lib/api/v1/schemas";
import { noActiveRun } from "@/lib/api/v1/respond";
import { env } from "@/lib/env";
import { parseRequest } from "@/lib/http/parseRequest";
import { methodNotAllowed } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";
import { loadActiveModels, scoreCustomers } from "@/lib/services/scoring";

export const POST = withApiToken("viewDashboards", async (req) => {
  const request = await parseRequest(req, { body: { json: scoreBody, maxBytes: env.API_MAX_BODY_BYTES } });
  if (request instanceof Response) return request;
  const run = await loadActiveModels();
  if (!run) return noActiveRun();
  return Response.json({ results: scoreCustomers(run, toRecords(request.body)) });
});

const onlyPost = (req: Request) => methodNotAllowed(req.method, ["POST"]);
export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
