// GET /api/export/segments – every customer the active run scored, as CSV; any signed-in role (exportData).
import { withPermission } from "@/lib/http/withPermission";
import { customerExportResponse } from "@/lib/services/customerExport";

export const runtime = "nodejs";

export const GET = withPermission("exportData", async () => customerExportResponse({ what: "segments", filter: (runId) => ({ runId }) }));
