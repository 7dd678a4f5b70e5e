/**
 * Builds a streamed customer CSV from the active run: the scores, the segment names, the
 * attributes, and for campaign lists the control-group flag.
 */
import "server-only";
import { getActiveRunView, type ActiveRunView } from "@/lib/db/activeRun";
import type { ExportOptions } from "@/lib/db/scores/export";
import { buildCustomerHeader, type CsvPageFormat } from "@/lib/export/customerCsv";
import { customerCsvPages } from "@/lib/export/csvPages";
import { getMoneyFormat } from "@/lib/db/settings";
import { nameExportFile } from "@/lib/export/fileName";
import { csvResponse, csvStream, type CsvDownload } from "@/lib/export/stream";
import type { ScoreFilter } from "@/lib/db/scores/filter";
import { errorResponse } from "@/lib/http/responses";

export const NO_RUN_MESSAGE = "No model trained yet — an analyst can start one on the admin page.";

export interface CustomerExport {
  /** File name stem, e.g. "segments", or one computed from the run (a segment's name). */
  what: string | ((run: ActiveRunView) => string);
  filter: (runId: number) => ScoreFilter;
  order?: ExportOptions["order"];
  limit?: number;
  control?: { share: number; seed: number };
  /** Refuses the export for this run (e.g. an unknown segment) with a response. */
  check?: (run: ActiveRunView) => Response | null;
  download?: CsvDownload;
}

export async function streamCustomerExport(spec: CustomerExport): Promise<Response> {
  const run = await getActiveRunView();
  if (!run) return errorResponse(409, NO_RUN_MESSAGE);
  const refused = spec.check?.(run);
  if (refused) return refused;
  const options: ExportOptions = { filter: spec.filter(run.id), order: spec.order, limit: spec.limit };
  const format: CsvPageFormat = { names: run.segments.map((segment) => [segment.segmentKey, segment.name]), control: spec.control ?? null };
  const columns = buildCustomerHeader(await getMoneyFormat());
  const header = spec.control ? [...columns, "control_group"] : columns;
  const what = typeof spec.what === "string" ? spec.what : spec.what(run);
  return csvResponse(csvStream(header, customerCsvPages(options, format)), nameExportFile(what, run.id), spec.download);
}
