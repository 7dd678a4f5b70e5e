// GET /api/v1/segments – the active run's segments (personas); an API token whose scope has viewDashboards (any role).
import { noActiveRun } from "@/lib/api/v1/respond";
import { listRunSegments } from "@/lib/db/api";
import { getActiveRunId } from "@/lib/db/runs";
import { withApiToken } from "@/lib/http/withApiToken";

export const GET = withApiToken("viewDashboards", async () => {
  const runId = await getActiveRunId();
  if (runId === null) return noActiveRun();
  const segments = await listRunSegments(runId);
  return Response.json({
    segments: segments.map(({ segmentKey, label: _label, ...segment }) => ({ id: segmentKey, ...segment, runId })),
  });
});
