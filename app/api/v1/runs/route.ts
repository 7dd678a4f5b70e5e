// GET /api/v1/runs – the training runs, newest first; an API token whose scope has retrain (ANALYST+).
import { listRunsForApi } from "@/lib/db/api";
import { getActiveRunId } from "@/lib/db/runs";
import { withApiToken } from "@/lib/http/withApiToken";

export const GET = withApiToken("retrain", async () => {
  const [runs, activeId] = await Promise.all([listRunsForApi(), getActiveRunId()]);
  return Response.json({
    runs: runs.map((run) => ({ ...run, finishedAt: run.finishedAt?.toISOString() ?? null, active: run.id === activeId })),
  });
});
