// GET /api/v1/runs/{id} – one run with its metrics, drift, stability and timings; an API token whose scope has retrain (ANALYST+).
import { z } from "zod";
import { getRunForApi } from "@/lib/db/api";
import { getActiveRunId } from "@/lib/db/runs";
import { idParam, parseRequest } from "@/lib/http/parseRequest";
import { refuse } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";

const params = z.object({ id: idParam("run id", 1) });

export const GET = withApiToken<{ id: string }>("retrain", async (req, { params: raw }) => {
  const request = await parseRequest(req, { params, leads: { params: "The run id is not valid" } }, raw);
  if (request instanceof Response) return request;
  const { id } = request.params;
  const [run, activeId] = await Promise.all([getRunForApi(id), getActiveRunId()]);
  if (!run) return refuse("not_found", `There is no run ${id}.`);
  return Response.json({ ...run, finishedAt: run.finishedAt?.toISOString() ?? null, active: run.id === activeId });
});
