// GET /api/export/segments[?bom=1] – every customer the active run scored, as segments-run<N>-<date>.csv; a session with exportData (any role).
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async (req) => {
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  return streamCustomerExport({ what: "segments", filter: (runId) => ({ runId }), download });
});
