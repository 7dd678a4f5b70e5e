import { z } from "zod";
import { invalid } from "@/lib/api/v1/respond";
import { getActiveRunId } from "@/lib/db/activeRun";
import { getRunForApi } from "@/lib/db/runs";
import { jsonError } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";

const runId = z.coerce.number().int().min(1);

export const GET = withApiToken<{ id: string }>("retrain", async (_req, { params }) => {
  const id = runId.safeParse(params.id);
  if (!id.success) return invalid(id.error, "run id");
  const [run, activeId] = await Promise.all([getRunForApi(id.data), getActiveRunId()]);
  if (!run) return jsonError(404, `There is no run ${id.data}.`);
  return Response.json({ ...run, finishedAt: run.finishedAt?.toISOString() ?? null, active: run.id === activeId });
});
