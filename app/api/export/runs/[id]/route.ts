// GET /api/export/runs/{id}[?bom=1] – a run's metrics and drift as CSV (section, metric, value); ANALYST and ADMIN only (retrain).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { jsonError } from "@/lib/http/responses";
import { getRunForApi } from "@/lib/db/api";
import { csvRow } from "@/lib/export/csvCells";
import { flattenJson } from "@/lib/export/flattenJson";
import { nameExportFile } from "@/lib/export/fileName";
import { csvResponse } from "@/lib/export/stream";
import { csvDownloadOf } from "@/lib/http/csvDownload";

export const runtime = "nodejs";

const runId = z.coerce.number().int().positive();

export const GET = withPermission<{ id: string }>("retrain", async (req, { params }) => {
  const id = runId.safeParse(params.id);
  if (!id.success) return jsonError(400, `"${params.id}" is not a run id.`);
  const run = await getRunForApi(id.data);
  if (!run) return jsonError(404, `There is no run ${id.data}.`);
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  // A run's metrics are a few thousand rows at most: one chunk is enough.
  const sections = { metrics: run.metrics, drift: run.drift, stability: run.stability };
  const rows = Object.entries(sections).flatMap(([section, json]) => flattenJson(json).map(([path, value]) => csvRow([section, path, value])));
  const body = new Blob([csvRow(["section", "metric", "value"]), ...rows]).stream();
  return csvResponse(body, nameExportFile("run-metrics", id.data), download);
});
