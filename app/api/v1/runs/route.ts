import { listRunsForApi } from "@/lib/db/api";
import { getActiveRun } from "@/lib/db/runs";
import { withApiToken } from "@/lib/http/withApiToken";

export const GET = withApiToken("retrain", async () => {
  const [runs, active] = await Promise.all([listRunsForApi(), getActiveRun()]);
  return Response.json({
    runs: runs.map((run) => ({ ...run, finishedAt: run.finishedAt?.toISOString() ?? null, active: run.id === active?.id })),
  });
});
