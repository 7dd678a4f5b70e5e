// GET /api/export/runs/{id}[?bom=1] – a run's metrics and drift as CSV (section, metric, value); a session with retrain (ANALYST+).
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { idParam, parseRequest } from "@/lib/http/parseRequest";
import { refuse } from "@/lib/http/responses";
import { getRunForApi } from "@/lib/db/runs";
import { csvRow } from "@/lib/export/csvCells";
import { flattenJson } from "@/lib/export/flattenJson";
import { nameExportFile } from "@/lib/export/fileName";
import { csvResponse } from "@/lib/export/stream";
import { csvDownloadOf } from "@/lib/http/csvDownload";

export const runtime = "nodejs";

const params = z.object({ id: idParam("run id", 1) });

export const GET = withPermission<{ id: string }>("retrain", async (req, { params: raw }) => {
  const request = await parseRequest(req, { params, leads: { params: "The run id is not valid" } }, raw);
  if (request instanceof Response) return request;
  const { id } = request.params;
  const run = await getRunForApi(id);
  if (!run) return refuse("not_found", `There is no run ${id}.`);
  const download = csvDownloadOf(req.nextUrl.searchParams);
  if (download instanceof Response) return download;
  // A run's metrics are a few thousand rows at most: one chunk is enough.
  const sections = { metrics: run.metrics, drift: run.drift, stability: run.stability };
  const rows = Object.entries(sections).flatMap(([section, json]) => flattenJson(json).map(([path, value]) => csvRow([section, path, value])));
  const body = new Blob([csvRow(["section", "metric", "value"]), ...rows]).stream();
  return csvResponse(body, nameExportFile("run-metrics", id), download);
});
