/**
 * One import, from bytes to database, shared by the upload route and the CLI: read the file
 * once to decide its formats, then again, validating its rows and writing them in chunks in
 * one transaction; a file with problems is rolled back and refused (recording why).
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
  type ReadOutcome,
  type RejectedRow,
} from "@/lib/db/imports/batches";
import type { StoredJson } from "@/lib/db/json";
import { env } from "@/lib/env";
import {
  ImportError,
  reportCustomerFile,
  openCustomers,
  openOrders,
  reportOrderFile,
  type CellError,
  type CustomerFile,
  type DayMonthOrder,
  type DuplicateId,
  type ImportErrorCode,
  type ImportReport,
  type OrderField,
  type OrderFile,
} from "@/lib/import";
import { spoolToFile, type SpooledFile } from "@/lib/import/spool";
import { pluralise } from "@/lib/text/plural";

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

/** Why a file was refused, kept typed so a caller picks its answer by code, never by the wording: an ImportError's code, or rows with problems. */
export type ImportRefusal = ImportErrorCode | "rejected_rows";
type WithCode<T> = T & { code: ImportRefusal | null };

export function importFile(request: ImportRequest & { dryRun?: false }): Promise<WithCode<ImportSummary>>;
export function importFile(request: ImportRequest & { dryRun: true }): Promise<WithCode<ImportPreview>>;
export function importFile(request: ImportRequest): Promise<WithCode<ImportSummary | ImportPreview>>;
export async function importFile(request: ImportRequest): Promise<WithCode<ImportSummary | ImportPreview>> {
  const dryRun = request.dryRun ?? false;
  const header = {
    kind: request.kind === "customers" ? ("CUSTOMERS" as const) : ("ORDERS" as const),
    fileName: request.fileName,
    userId: request.userId,
    startedAt: Date.now(),
  };
  let spooled: SpooledFile | null = null;
  try {
    // The file is read twice (its formats, then its rows): an upload is spooled to disk first.
    if (typeof request.source !== "string") spooled = await spoolToFile(request.source, env.IMPORT_MAX_BYTES);
    const source = { path: spooled?.path ?? (request.source as string) };
    const summary = await readAndWrite(request, source, header, dryRun);
    return { ...summary, code: summary.status === "REJECTED" ? "rejected_rows" : null };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const refused = { rowsRead: 0, rowsRejected: 0, rejected: [], quality: {}, report: null, error: error.message };
    return { ...(await recordRejectedImport(header, refused, dryRun)), code: error.code };
  } finally {
    await spooled?.remove();
  }
}

type BatchHeader = Parameters<typeof recordRejectedImport>[0];

/** Decides the file's formats (throwing ImportError for a refused file), then streams its rows into the database. */
async function readAndWrite(request: ImportRequest, source: { path: string }, header: BatchHeader, dryRun: boolean) {
  const dateOrder = request.dateFormat === "detect" ? undefined : request.dateFormat;
  const options = { maxBytes: env.IMPORT_MAX_BYTES, dateOrder };
  const allowRejected = request.allowRejected ?? false;
  // The readers skip their wrong-kind check for a mapped file; the upload form and the CLI send an empty mapping when none was asked for.
  const map = request.map && Object.keys(request.map).length > 0 ? request.map : undefined;
  if (request.kind === "customers") {
    const reading = await openCustomers(source, { ...options, map: map as Partial<Record<CustomerField, string>> | undefined });
    const columns = { fields: reading.columns.map((column) => column.field), attributeKeys: reading.customColumns };
    return writeCustomerImport(
      header,
      columns,
      async (write) => {
        const file = await reading.read((chunk) => write(chunk.records));
        return summariseImportOutcome(file, file.duplicates, file.repeatedIdRows, reportCustomerFile(file), allowRejected);
      },
      dryRun,
    );
  }
  const reading = await openOrders(source, { ...options, map: map as Partial<Record<OrderField, string>> | undefined });
  return writeOrderImport(
    header,
    async (write) => {
      const file = await reading.read((chunk) => write(chunk.records));
      return summariseImportOutcome(file, [], 0, reportOrderFile(file), allowRejected);
    },
    dryRun,
  );
}

/** Rejected rows kept with a batch; all are counted. */
const MAX_REJECTED_ROWS = 1000;

/** What the batch records of a read file; without allowRejected, any problem refuses it (naming the first). */
function summariseImportOutcome(
  file: CustomerFile | OrderFile,
  duplicates: DuplicateId[],
  repeatedIdRows: number,
  report: ImportReport,
  allowRejected: boolean,
): ReadOutcome {
  const rejected = listRejectedRows(file.errors, duplicates).slice(0, MAX_REJECTED_ROWS);
  const problemCount = file.errorCount + repeatedIdRows;
  const quality = file.quality as unknown as StoredJson;
  const base = { rowsRead: file.rowsRead, rowsRejected: problemCount, rejected, quality, report };
  if (problemCount === 0 || allowRejected) return { ...base, error: null };
  const first = rejected[0];
  const where = first.column ? `row ${first.row}, column ${first.column}` : `row ${first.row}`;
  const error = `${pluralise(problemCount, "problem")} in the file, so nothing was imported. First: ${where}: ${first.message}`;
  return { ...base, error };
}

/** Cell errors and repeated ids, in file order, as stored with the batch. */
function listRejectedRows(errors: CellError[], duplicates: DuplicateId[]): RejectedRow[] {
  const repeats = duplicates.flatMap(({ id, rows }) =>
    rows.slice(1).map((row) => ({ row, column: "ID", value: id, message: `duplicate ID ${id}: also at row ${rows[0]}` })),
  );
  return [...errors, ...repeats].sort((a, b) => a.row - b.row);
}
