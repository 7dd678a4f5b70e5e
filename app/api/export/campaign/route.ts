// GET /api/export/campaign?…[&bom=1] – a campaign's target list with its seeded control group flagged, as CSV; any signed-in role (exportData).
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { boundedFieldErrors } from "@/lib/http/issues";
import { jsonError } from "@/lib/http/responses";
import { campaignQuery } from "@/lib/campaign/audience";
import { computeBreakEvenProbability } from "@/lib/campaign/economics";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async (req) => {
  const parsed = campaignQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return jsonError(400, "Check the campaign settings.", boundedFieldErrors(parsed.error));
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  const query = parsed.data;
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
