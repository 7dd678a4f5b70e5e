// GET /api/export/segments/{segmentKey} – one segment's members in the active run, as CSV; any signed-in role (exportData).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { jsonError } from "@/lib/http/responses";
import { customerExportResponse } from "@/lib/services/customerExport";

export const runtime = "nodejs";

const segmentKey = z.coerce.number().int().min(0);

export const GET = withPermission<{ id: string }>("exportData", async (_req, { params }) => {
  const key = segmentKey.safeParse(params.id);
  if (!key.success) return jsonError(400, `"${params.id}" is not a segment id.`);
  return customerExportResponse({
    what: `segment-${key.data}`,
    filter: (runId) => ({ runId, segmentKeys: [key.data] }),
    check: (run) => (run.segments.some((segment) => segment.segmentKey === key.data) ? null : jsonError(404, `The active run has no segment ${key.data}.`)),
  });
});
