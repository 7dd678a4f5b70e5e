// GET /api/export/segments/{segmentKey}[?bom=1] – one segment's members in the active run, as segment-<name>-run<N>-<date>.csv; a session with exportData (any role).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { idParam, parseRequest } from "@/lib/http/parseRequest";
import { refuse } from "@/lib/http/responses";
import { nameSegmentFile } from "@/lib/export/fileName";
import type { ActiveRunView } from "@/lib/db/activeRun";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

const params = z.object({ id: idParam("segment id", 0) });

export const GET = withPermission<{ id: string }>("exportData", async (req, { params: raw }) => {
  const request = await parseRequest(req, { params, leads: { params: "The segment id is not valid" } }, raw);
  if (request instanceof Response) return request;
  const key = request.params.id;
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  const segmentOf = (run: ActiveRunView) => run.segments.find((segment) => segment.segmentKey === key);
  return streamCustomerExport({
    // check has refused a run without the segment before the name is asked for.
    what: (run) => nameSegmentFile(segmentOf(run)!.name, key),
    filter: (runId) => ({ runId, segmentKeys: [key] }),
    check: (run) => (segmentOf(run) ? null : refuse("not_found", `The active run has no segment ${key}.`)),
    download,
  });
});
