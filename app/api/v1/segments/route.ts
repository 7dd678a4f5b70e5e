import { noActiveRun } from "@/lib/api/v1/respond";
import { listRunSegments } from "@/lib/db/api";
import { getActiveRun } from "@/lib/db/runs";
import { withApiToken } from "@/lib/http/withApiToken";

export const GET = withApiToken("viewDashboards", async () => {
  const run = await getActiveRun();
  if (!run) return noActiveRun();
  const segments = await listRunSegments(run.id);
  return Response.json({
    segments: segments.map(({ segmentKey, label: _label, ...segment }) => ({ id: segmentKey, ...segment, runId: run.id })),
  });
});
