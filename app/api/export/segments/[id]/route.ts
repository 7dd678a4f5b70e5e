// GET /api/export/segments/{segmentKey}[?bom=1] – one segment's members in the active run, as segment-<name>-run<N>-<date>.csv; any signed-in role (exportData).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { jsonError } from "@/lib/http/responses";
import { nameSegmentFile } from "@/lib/export/fileName";
import type { ActiveRunView } from "@/lib/db/activeRun";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

const segmentKey = z.coerce.number().int().min(0);

export const GET = withPermission<{ id: string }>("exportData", async (req, { params }) => {
  const key = segmentKey.safeParse(params.id);
  if (!key.success) return jsonError(400, `"${params.id}" is not a segment id.`);
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  const segmentOf = (run: ActiveRunView) => run.segments.find((segment) => segment.segmentKey === key.data);
  return streamCustomerExport({
    // check has refused a run without the segment before the name is asked for.
    what: (run) => nameSegmentFile(segmentOf(run)!.name, key.data),
    filter: (runId) => ({ runId, segmentKeys: [key.data] }),
    check: (run) => (segmentOf(run) ? null : jsonError(404, `The active run has no segment ${key.data}.`)),
    download,
  });
});
