/**
 * Reading a customer profile file: any column order, headers matched to CUSTOMER_COLUMNS,
 * one zod schema per row, dates decided for the whole column; other columns are kept as
 * custom attributes. A file may hold only some columns: the result says which, so that the
 * writer updates those and leaves the rest alone. Nothing is refused row by row: the caller
 * gets the valid records and every problem, and decides.
 */
import { z } from "zod";
import { CUSTOMER_COLUMNS, type CustomerField, type CustomerRecord } from "@/lib/data/customer";
import { checkCustomColumns, readAttributes } from "./attributes";
import { cells } from "./cells";
import type { DayMonthOrder } from "./dates";
import type { Encoding, Separator } from "./detect";
import { mapHeader, type FieldSpec } from "./header";
import { customerQuality, type CustomerQuality } from "./quality";
import { ErrorLog, dateRangeOf, fileWarnings, readValidRows, resolveDates, type CellError } from "./rows";
import type { Readable } from "node:stream";
import { openCsv, type ImportSource, type InvalidByteRows, type SourceOptions } from "./source";

export const customerRow = z.object({
  externalId: cells.id,
  yearBirth: cells.int,
  education: cells.text,
  maritalStatus: cells.text,
  income: cells.number,
  kidhome: cells.int,
  teenhome: cells.int,
  dtCustomer: cells.date,
  recency: cells.int,
  mntWines: cells.number,
  mntFruits: cells.number,
  mntMeatProducts: cells.number,
  mntFishProducts: cells.number,
  mntSweetProducts: cells.number,
  mntGoldProds: cells.number,
  numDealsPurchases: cells.int,
  numWebPurchases: cells.int,
  numCatalogPurchases: cells.int,
  numStorePurchases: cells.int,
  numWebVisitsMonth: cells.int,
  acceptedCmp3: cells.flag,
  acceptedCmp4: cells.flag,
  acceptedCmp5: cells.flag,
  acceptedCmp1: cells.flag,
  acceptedCmp2: cells.flag,
  complain: cells.flag,
  zCostContact: cells.number,
  zRevenue: cells.number,
  response: cells.flag,
} satisfies Record<CustomerField, z.ZodType>);
export type CustomerRow = z.output<typeof customerRow>;

/** Other names shops give the customer id; the marketing layout's "ID" comes first. */
const ID_ALIASES = ["customer_id", "customer_number", "client_id"];

const CUSTOMER_SPECS: FieldSpec<CustomerField>[] = CUSTOMER_COLUMNS.map((column) => ({
  field: column.field,
  aliases: column.kind === "id" ? [column.header, column.field, ...ID_ALIASES] : [column.header, column.field],
  required: column.kind === "id",
  label: column.kind === "id" ? "customer id" : undefined,
}));

export interface CustomerImportOptions extends SourceOptions {
  /** Field → header name in the file, overriding the standard names. */
  map?: Partial<Record<CustomerField, string>>;
  /** Day-first or month-first dates, when the user knows better than the detection. */
  dateOrder?: DayMonthOrder;
  /** Errors kept in the result (all are counted); 1000 by default. */
  maxErrors?: number;
}

export interface DuplicateId {
  id: string;
  /** Every row with this id. Later rows are never among the records; the first is if it has no errors. */
  rows: number[];
}

export interface CustomerImport {
  /** Rows without errors, first occurrence of each id only. */
  records: CustomerRecord[];
  /** Spreadsheet row of each record. */
  rowNumbers: number[];
  errors: CellError[];
  /** All errors, including those beyond maxErrors. */
  errorCount: number;
  duplicates: DuplicateId[];
  warnings: string[];
  /** Data rows read (not counting the header or blank lines). */
  rowsRead: number;
  separator: Separator;
  encoding: Encoding;
  /** Rows where bytes that are not UTF-8 were replaced by U+FFFD; null when there were none. */
  invalidBytes: InvalidByteRows | null;
  /** e.g. "DD/MM/YYYY"; null without a date column or dates. */
  dateFormat: string | null;
  /** Which file column feeds which field; fields not listed are absent from the file. */
  columns: { field: CustomerField; header: string }[];
  /** Headers of the columns kept as custom attributes, in file order. */
  customColumns: string[];
  /** Earliest and latest Dt_Customer read (YYYY-MM-DD); null without dates. */
  dateRange: { first: string; last: string } | null;
  quality: CustomerQuality;
}

export function readCustomersFile(path: string, options: CustomerImportOptions = {}): Promise<CustomerImport> {
  return readCustomers({ path }, options);
}

/** For uploads: the bytes in memory or a stream of them. */
export function parseCustomers(input: Uint8Array | Readable, options: CustomerImportOptions = {}): Promise<CustomerImport> {
  return readCustomers(input, options);
}

async function readCustomers(input: ImportSource, options: CustomerImportOptions): Promise<CustomerImport> {
  const reader = await openCsv(input, options);
  try {
    const mapping = mapHeader(reader.header, CUSTOMER_SPECS, { map: options.map, keepUnknown: true });
    const custom = mapping.unknown;
    checkCustomColumns(custom);
    const log = new ErrorLog(options.maxErrors ?? 1000);
    const firstRowOfId = new Map<string, number>();
    const repeats = new Map<string, number[]>();
    const accept = (row: number, input: Partial<Record<CustomerField, string>>) => {
      const id = input.externalId?.trim();
      if (!id) return true;
      const first = firstRowOfId.get(id);
      if (first === undefined) {
        firstRowOfId.set(id, row);
        return true;
      }
      const rows = repeats.get(id) ?? [first];
      rows.push(row);
      repeats.set(id, rows);
      return false;
    };
    // Without custom columns the record has no `attributes` key at all, as before they existed.
    const complete = (data: CustomerRow, cellsOfRow: string[], row: number) => {
      if (!custom.length) return true;
      const attributes = readAttributes(custom, cellsOfRow, row, log);
      if (attributes === undefined) return false;
      (data as CustomerRow & Pick<CustomerRecord, "attributes">).attributes = attributes;
      return true;
    };
    const valid = await readValidRows(reader, mapping, customerRow, log, { accept, complete });

    const dateColumn = mapping.columns.find((column) => column.field === "dtCustomer");
    const dates = resolveDates(
      valid.rows.map((row) => row.dtCustomer),
      valid.rowNumbers,
      dateColumn?.header ?? "Dt_Customer",
      options.dateOrder,
      log,
    );
    const records: CustomerRecord[] = [];
    const rowNumbers: number[] = [];
    valid.rows.forEach((row, i) => {
      if (dates.failed.has(i)) return;
      // The row becomes the record in place: a copy would double the memory of a large file.
      const record = row as Omit<CustomerRow, "dtCustomer"> as CustomerRecord;
      record.dtCustomer = dates.dates[i];
      records.push(record);
      rowNumbers.push(valid.rowNumbers[i]);
    });

    const presentFields = mapping.columns.map((column) => column.field);
    return {
      records,
      rowNumbers,
      errors: log.errors.sort((a, b) => a.row - b.row),
      errorCount: log.count,
      duplicates: [...repeats].map(([id, rows]) => ({ id, rows })),
      warnings: fileWarnings(reader, mapping.warnings, valid.rowsRead),
      rowsRead: valid.rowsRead,
      separator: reader.separator,
      encoding: reader.encoding(),
      invalidBytes: reader.invalidByteRows(),
      dateFormat: dates.format?.label ?? null,
      columns: mapping.columns.map(({ field, header }) => ({ field, header })),
      customColumns: custom.map((column) => column.header),
      dateRange: dateRangeOf(records.map((record) => record.dtCustomer)),
      quality: customerQuality(records, rowNumbers, presentFields),
    };
  } finally {
    reader.close();
  }
}
