// GET /api/export/campaign?…[&bom=1] – a campaign's target list with its seeded control group flagged, as CSV; a session with exportData (any role).
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { parseRequest } from "@/lib/http/parseRequest";
import { campaignQuery } from "@/lib/campaign/audience";
import { computeBreakEvenProbability } from "@/lib/campaign/economics";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async (req) => {
  const request = await parseRequest(req, { query: campaignQuery, leads: { query: "Check the campaign settings" } });
  if (request instanceof Response) return request;
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  const { query } = request;
  const threshold = query.threshold ?? computeBreakEvenProbability({ costPerContact: query.cost, revenuePerResponse: query.revenue });
  return streamCustomerExport({
    what: "campaign",
    filter: (runId) => ({
      runId,
      segmentKeys: query.segments.length ? query.segments : undefined,
      responseProbability: query.mode === "threshold" ? { gte: threshold } : undefined,
    }),
    order: query.mode === "top" ? "response" : "id",
    limit: query.mode === "top" ? (query.top ?? 0) : undefined,
    control: { share: query.control, seed: query.seed },
    download,
  });
});
