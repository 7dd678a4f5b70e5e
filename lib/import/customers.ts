/**
 * Reading a customer profile file: any column order, headers matched to CUSTOMER_COLUMNS,
 * one zod schema per row, dates decided for the whole column; other columns are kept as
 * custom attributes. A file may hold only some columns: the result says which, so that the
 * writer updates those and leaves the rest alone. Nothing is refused row by row: the caller
 * gets the valid records (in chunks, as they are read) and every problem, and decides.
 */
import { z } from "zod";
import { CUSTOMER_COLUMNS, type CustomerField, type CustomerRecord } from "@/lib/data/customer";
import { checkCustomColumns, readAttributes } from "./attributes";
import { cellRow, cells } from "./cells";
import { DateEvidence, parseDate, type DateFormat, type DayMonthOrder } from "./dates";
import type { Encoding, Separator } from "./detect";
import { mapHeader, type FieldSpec, type HeaderMapping } from "./header";
import { assertNotOrderLines } from "./kindHint";
import { CustomerQualityBuilder, type CustomerQuality } from "./quality";
import { computeUpperFence } from "./qualityChecks";
import { readInWorker, workerScriptFor } from "./readInWorker";
import { Reservoir } from "./reservoir";
import { CHUNK_ROWS, collectRecords, DateRange, ErrorLog, eachValidRow, eachWholeRow, collectFileWarnings, parseDateCell, type CellError } from "./rows";
import type { Readable } from "node:stream";
import { readWhole, openCsv, type CsvReader, type InvalidByteRows, type RereadableSource, type SourceOptions } from "./source";

/** A customer file's row with its cells parsed; the date stays text until the file's date format is known. */
export const customerFileRow = cellRow({
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
export type CustomerFileRow = z.output<typeof customerFileRow>;

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
  /** Whether the rows are read in a worker thread, where its script is at hand (readInWorker.ts); by default a file of 4 MiB or more is. */
  inWorker?: boolean;
}

export interface DuplicateId {
  id: string;
  /** Rows with this id (the first 100). Later rows are never among the records; the first is if it has no errors. */
  rows: number[];
}

/** What reading a customer file found: everything but the records themselves. */
export interface CustomerFile {
  errors: CellError[];
  /** All errors, including those beyond maxErrors. */
  errorCount: number;
  /** Ids on more than one row: the first maxErrors of them. */
  duplicates: DuplicateId[];
  /** Rows left out because an earlier row has their id (all of them, listed or not). */
  repeatedIdRows: number;
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

/** Valid records as they are read, CHUNK_ROWS at a time. */
export interface CustomerChunk {
  /** Rows without errors, first occurrence of each id only. */
  records: CustomerRecord[];
  /** Spreadsheet row of each record. */
  rowNumbers: number[];
}

export interface CustomerImport extends CustomerFile, CustomerChunk {}

/** A customer file whose header is matched and whose date format and income fence are decided. */
export interface CustomerReading {
  columns: { field: CustomerField; header: string }[];
  customColumns: string[];
  /** Reads the rows, handing the valid records on in chunks (awaited); keeps none of them. */
  read(onChunk: (chunk: CustomerChunk) => void | Promise<void>): Promise<CustomerFile>;
}

export function readCustomersFile(path: string, options: CustomerImportOptions = {}): Promise<CustomerImport> {
  return collect({ path }, options);
}

/** For uploads: the bytes in memory or a stream of them (read into memory: large files go through openCustomers). */
export async function parseCustomers(input: Uint8Array | Readable, options: CustomerImportOptions = {}): Promise<CustomerImport> {
  return collect(await readWhole(input, options.maxBytes), options);
}

async function collect(source: RereadableSource, options: CustomerImportOptions): Promise<CustomerImport> {
  return collectRecords(await openCustomers(source, options));
}

/** Most rows listed per repeated id. */
const MAX_REPEAT_ROWS = 100;

/**
 * Reads the file once to match its header and decide what needs the whole file (the date
 * format, the income fence from a sample, reservoir.ts); `read` then reads it again for its rows.
 * Throws ImportError for a file refused as a whole.
 */
export async function openCustomers(source: RereadableSource, options: CustomerImportOptions = {}): Promise<CustomerReading> {
  const reader = await openCsv(source, options);
  let format: DateFormat | null;
  let incomeFence: number | null;
  let mapping: HeaderMapping<CustomerField>;
  try {
    if (!options.map) assertNotOrderLines(reader.header);
    mapping = mapHeader(reader.header, CUSTOMER_SPECS, { map: options.map, keepUnknown: true });
    checkCustomColumns(mapping.unknown);
    const { evidence, incomes } = await gatherEvidence(reader, mapping);
    format = evidence.format(dateHeader(mapping), options.dateOrder);
    incomeFence = computeIncomeFence(incomes, format);
  } finally {
    reader.close();
  }
  const columns = mapping.columns.map(({ field, header }) => ({ field, header }));
  const customColumns = mapping.unknown.map((column) => column.header);
  const script = workerScriptFor(source, "customers.ts", options.inWorker);
  const args = [source, options, format, incomeFence] as const;
  return {
    columns,
    customColumns,
    read: (onChunk) =>
      script ? readInWorker(script, { module: "customers.ts", reader: "readCustomerRows", args: [...args] }, onChunk) : readCustomerRows(...args, onChunk),
  };
}

type IncomeCells = { income: string; date: string };

/**
 * The first reading looks only at the cells it decides by, unvalidated: every row's date, and
 * a sample of incomes with their dates, validated once the sample is drawn.
 */
async function gatherEvidence(reader: CsvReader, mapping: HeaderMapping<CustomerField>) {
  const evidence = new DateEvidence();
  const incomes = new Reservoir<IncomeCells>();
  const { dtCustomer: dateIndex, income: incomeIndex } = mapping.indexOf;
  await eachWholeRow(reader, (cells) => {
    const date = dateIndex === undefined ? "" : cells[dateIndex].trim();
    evidence.add(date);
    if (incomeIndex !== undefined && cells[incomeIndex].trim() !== "") incomes.add({ income: cells[incomeIndex], date });
  });
  return { evidence, incomes };
}

/** Rows whose income or date is invalid or whose date will not parse are no record, so their incomes are left out as they will be. */
function computeIncomeFence(incomes: Reservoir<IncomeCells>, format: DateFormat | null): number | null {
  const kept = incomes.items.flatMap(({ income, date }) => {
    const value = cells.number.safeParse(income);
    if (!value.success || value.data === null) return [];
    if (date === "") return [value.data];
    const valid = cells.date.safeParse(date).success && format !== null && parseDate(date, format.order) !== null;
    return valid ? [value.data] : [];
  });
  return computeUpperFence(kept);
}

function dateHeader(mapping: HeaderMapping<CustomerField>): string {
  return mapping.columns.find((column) => column.field === "dtCustomer")?.header ?? "Dt_Customer";
}

/** The second reading: every row, validated, handed on in chunks. */
export async function readCustomerRows(
  source: RereadableSource,
  options: CustomerImportOptions,
  format: DateFormat | null,
  incomeFence: number | null,
  onChunk: (chunk: CustomerChunk) => void | Promise<void>,
): Promise<CustomerFile> {
  const reader = await openCsv(source, options);
  try {
    const mapping = mapHeader(reader.header, CUSTOMER_SPECS, { map: options.map, keepUnknown: true });
    const custom = mapping.unknown;
    const maxErrors = options.maxErrors ?? 1000;
    const log = new ErrorLog(maxErrors);
    // Every id read (bounded by the distinct ids), and the rows of the first repeated ones.
    const firstRowOfId = new Map<string, number>();
    const repeats = new Map<string, number[]>();
    let repeatedIdRows = 0;
    const accept = (row: number, input: Partial<Record<CustomerField, string>>) => {
      const id = input.externalId?.trim();
      if (!id) return true;
      const first = firstRowOfId.get(id);
      if (first === undefined) {
        firstRowOfId.set(id, row);
        return true;
      }
      repeatedIdRows++;
      const rows = repeats.get(id);
      if (rows) {
        if (rows.length < MAX_REPEAT_ROWS) rows.push(row);
      } else if (repeats.size < maxErrors) repeats.set(id, [first, row]);
      return false;
    };
    // Without custom columns the record has no `attributes` key at all, as before they existed.
    const complete = (data: CustomerFileRow, cellsOfRow: string[], row: number) => {
      if (!custom.length) return true;
      const attributes = readAttributes(custom, cellsOfRow, row, log);
      if (attributes === undefined) return false;
      (data as CustomerFileRow & Pick<CustomerRecord, "attributes">).attributes = attributes;
      return true;
    };
    const dateColumn = dateHeader(mapping);
    const presentFields = mapping.columns.map((column) => column.field);
    const quality = new CustomerQualityBuilder(presentFields, incomeFence);
    const range = new DateRange();
    let chunk: CustomerChunk = { records: [], rowNumbers: [] };
    const visit = (data: CustomerFileRow, row: number) => {
      const date = data.dtCustomer === null ? null : parseDateCell(data.dtCustomer, format, row, dateColumn, log);
      if (data.dtCustomer !== null && date === null) return;
      // The row becomes the record in place: a copy would double the memory of a chunk.
      const record = data as Omit<CustomerFileRow, "dtCustomer"> as CustomerRecord;
      record.dtCustomer = date;
      quality.add(record, row);
      range.add(date);
      chunk.records.push(record);
      chunk.rowNumbers.push(row);
      if (chunk.records.length < CHUNK_ROWS) return;
      const full = chunk;
      chunk = { records: [], rowNumbers: [] };
      return onChunk(full);
    };
    const rowsRead = await eachValidRow(reader, mapping, customerFileRow, log, visit, { accept, complete });
    if (chunk.records.length) await onChunk(chunk);

    return {
      errors: log.errors.sort((a, b) => a.row - b.row),
      errorCount: log.count,
      duplicates: [...repeats].map(([id, rows]) => ({ id, rows })),
      repeatedIdRows,
      warnings: collectFileWarnings(reader, mapping.warnings, rowsRead),
      rowsRead,
      separator: reader.separator,
      encoding: reader.encoding(),
      invalidBytes: reader.invalidByteRows(),
      dateFormat: format?.label ?? null,
      columns: mapping.columns.map(({ field, header }) => ({ field, header })),
      customColumns: custom.map((column) => column.header),
      dateRange: range.result(),
      quality: quality.result(),
    };
  } finally {
    reader.close();
  }
}
