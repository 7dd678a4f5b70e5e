// GET /api/export/customers?…[&bom=1] – the customer list with the /customers page's filters, as CSV; a session with exportData (any role).
import { withPermission } from "@/lib/http/withPermission";
import { csvDownloadOf } from "@/lib/http/csvDownload";
import { parseRequest } from "@/lib/http/parseRequest";
import { customerQuery } from "@/lib/customers/query";
import { scoreFilterOf } from "@/lib/customers/scoreFilter";
import { streamCustomerExport } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async (req) => {
  const request = await parseRequest(req, { query: customerQuery, leads: { query: "Check the filters" } });
  if (request instanceof Response) return request;
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  return streamCustomerExport({ what: "customers", filter: (runId) => scoreFilterOf(runId, request.query), download });
});
