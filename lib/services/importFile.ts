/**
 * One import, from bytes to database, shared by the upload route and the CLI: read and
 * validate the file, then either refuse it (recording why) or write it in one transaction.
 * A dry run takes the same path and rolls it back: a preview of exactly what it would do.
 */
import "server-only";
import type { Readable } from "node:stream";
import type { CustomerField } from "@/lib/data/customer";
import {
  recordRejectedImport,
  writeCustomerImport,
  writeOrderImport,
  type ImportPreview,
  type ImportSummary,
  type RejectedRow,
} from "@/lib/db/imports";
import type { Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import {
  ImportError,
  customerFileReport,
  orderFileReport,
  parseCustomers,
  parseOrders,
  readCustomersFile,
  readOrdersFile,
  type CellError,
  type DayMonthOrder,
  type OrderField,
} from "@/lib/import";

export type ImportKind = "customers" | "orders";

export interface ImportRequest {
  kind: ImportKind;
  /** A path on disk, or the upload's bytes as a stream. */
  source: string | Readable;
  fileName: string;
  userId: string | null;
  /** Field → header in the file, for headers that differ from the standard names. */
  map?: Record<string, string>;
  /** Import the valid rows of a file with bad rows, keeping the bad ones in the report. */
  allowRejected?: boolean;
  /** Day-first or month-first, for files whose dates do not say; "detect" (the default) refuses those. */
  dateFormat?: DayMonthOrder | "detect";
  /** Run the import and roll it back: the summary says what it would do, nothing is kept. */
  dryRun?: boolean;
}

export function importFile(request: ImportRequest & { dryRun?: false }): Promise<ImportSummary>;
export function importFile(request: ImportRequest & { dryRun: true }): Promise<ImportPreview>;
export function importFile(request: ImportRequest): Promise<ImportSummary | ImportPreview>;
export async function importFile(request: ImportRequest): Promise<ImportSummary | ImportPreview> {
  const dryRun = request.dryRun ?? false;
  const header = {
    kind: request.kind === "customers" ? ("CUSTOMERS" as const) : ("ORDERS" as const),
    fileName: request.fileName,
    userId: request.userId,
    startedAt: Date.now(),
  };
  let parsed;
  try {
    parsed = await readFile(request);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return recordRejectedImport(header, { rowsRead: 0, rejected: [], quality: {}, report: null, error: error.message }, dryRun);
  }

  const rejected = rejectedRows(parsed.errors, "duplicates" in parsed ? parsed.duplicates : []);
  const quality = parsed.quality as unknown as Prisma.InputJsonValue;
  const report = "duplicates" in parsed ? customerFileReport(parsed) : orderFileReport(parsed);
  const problemCount = parsed.errorCount + rejected.length - parsed.errors.length;
  if (problemCount > 0 && !request.allowRejected) {
    const first = rejected[0];
    const where = first.column ? `row ${first.row}, column ${first.column}` : `row ${first.row}`;
    const error = `${problemCount} problem${problemCount === 1 ? "" : "s"} in the file, so nothing was imported. First: ${where}: ${first.message}`;
    return recordRejectedImport(header, { rowsRead: parsed.rowsRead, rejected, quality, report, error }, dryRun);
  }
  if (!("duplicates" in parsed)) {
    return writeOrderImport(header, { orders: parsed.records, rowsRead: parsed.rowsRead, rejected, quality, report }, dryRun);
  }
  const columns = { fields: parsed.columns.map((column) => column.field), attributeKeys: parsed.customColumns };
  return writeCustomerImport(header, { records: parsed.records, columns, rowsRead: parsed.rowsRead, rejected, quality, report }, dryRun);
}

function readFile(request: ImportRequest) {
  const dateOrder = request.dateFormat === "detect" ? undefined : request.dateFormat;
  const options = { maxBytes: env.IMPORT_MAX_BYTES, dateOrder };
  const { source } = request;
  if (request.kind === "customers") {
    const customerOptions = { ...options, map: request.map as Partial<Record<CustomerField, string>> | undefined };
    return typeof source === "string" ? readCustomersFile(source, customerOptions) : parseCustomers(source, customerOptions);
  }
  const orderOptions = { ...options, map: request.map as Partial<Record<OrderField, string>> | undefined };
  return typeof source === "string" ? readOrdersFile(source, orderOptions) : parseOrders(source, orderOptions);
}

/** Cell errors and repeated ids, in file order, as stored with the batch. */
function rejectedRows(errors: CellError[], duplicates: { id: string; rows: number[] }[]): RejectedRow[] {
  const repeats = duplicates.flatMap(({ id, rows }) =>
    rows.slice(1).map((row) => ({ row, column: "ID", value: id, message: `duplicate ID ${id}: also at row ${rows[0]}` })),
  );
  return [...errors, ...repeats].sort((a, b) => a.row - b.row);
}
