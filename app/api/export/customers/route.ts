// GET /api/export/customers?…[&bom=1] – the customer list with the /customers page's filters, as CSV; any signed-in role (exportData).
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { boundedFieldErrors } from "@/lib/http/issues";
import { jsonError } from "@/lib/http/responses";
import { customerQuery } from "@/lib/customers/query";
import { scoreFilterOf } from "@/lib/db/customerScores";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async (req) => {
  const query = customerQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) return jsonError(400, "Check the filters.", boundedFieldErrors(query.error));
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  return streamCustomerExport({ what: "customers", filter: (runId) => scoreFilterOf(runId, query.data), download });
});
