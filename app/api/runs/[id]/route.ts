// GET /api/runs/{id} – a run's status, stage and progress, polled by the admin page; a session with retrain (ANALYST+).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { idParam, parseRequest } from "@/lib/http/parseRequest";
import { refuse } from "@/lib/http/responses";
import { getRunProgress } from "@/lib/db/runs";

export const runtime = "nodejs";

const params = z.object({ id: idParam("run id", 1) });

export const GET = withPermission<{ id: string }>("retrain", async (req, { params: raw }) => {
  const request = await parseRequest(req, { params, leads: { params: "The run id is not valid" } }, raw);
  if (request instanceof Response) return request;
  const run = await getRunProgress(request.params.id);
  if (!run) return refuse("not_found", `There is no run ${request.params.id}.`);
  return Response.json(run, { headers: { "cache-control": "no-store" } });
});
