/**
 * Builds a streamed customer CSV from the active run: the scores, the segment names, the
 * attributes, and for campaign lists the control-group flag.
 */
import "server-only";
import { getActiveRunView, type ActiveRunView } from "@/lib/db/activeRun";
import { scoredCustomerPages, type ExportOptions } from "@/lib/db/exports";
import { isControl } from "@/lib/campaign/controlGroup";
import { customerCsvWriter, customerHeader } from "@/lib/export/customerCsv";
import { getMoneyFormat } from "@/lib/db/settings";
import { exportFileName } from "@/lib/export/fileName";
import { csvResponse, csvStream, type CsvDownload } from "@/lib/export/stream";
import type { ScoreFilter } from "@/lib/db/scoreFilter";
import { jsonError } from "@/lib/http/responses";

export const NO_RUN_MESSAGE = "No model trained yet — an analyst can start one on the admin page.";

export interface CustomerExport {
  /** File name stem, e.g. "segments", or one computed from the run (a segment's name). */
  what: string | ((run: ActiveRunView) => string);
  filter: (runId: number) => ScoreFilter | Promise<ScoreFilter>;
  order?: ExportOptions["order"];
  limit?: number;
  control?: { share: number; seed: number };
  /** Refuses the export for this run (e.g. an unknown segment) with a response. */
  check?: (run: ActiveRunView) => Response | null;
  download?: CsvDownload;
}

export async function customerExportResponse(spec: CustomerExport): Promise<Response> {
  const run = await getActiveRunView();
  if (!run) return jsonError(409, NO_RUN_MESSAGE);
  const refused = spec.check?.(run);
  if (refused) return refused;
  const names = new Map(run.segments.map((segment) => [segment.segmentKey, segment.name]));
  const pages = scoredCustomerPages({ filter: await spec.filter(run.id), order: spec.order, limit: spec.limit });
  const { control } = spec;
  const columns = customerHeader(await getMoneyFormat());
  const header = control ? [...columns, "control_group"] : columns;
  const write = customerCsvWriter(names, control && ((customerId) => (isControl(customerId, control.share, control.seed) ? 1 : 0)));
  async function* text(): AsyncGenerator<string> {
    for await (const page of pages) yield write(page);
  }
  const what = typeof spec.what === "string" ? spec.what : spec.what(run);
  return csvResponse(csvStream(header, text()), exportFileName(what, run.id), spec.download);
}
