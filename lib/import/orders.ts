/**
 * Reading order lines exported from a shop system: customer id and order date required, and
 * an amount, either from its own column or as quantity × unit price; order id, line number,
 * category, channel and status optional. Headers are found by common names (the Kaggle
 * sample sales data and the UCI Online Retail data need no map) or named by the caller's `map`.
 * Each line is classified as a sale, a return or a cancelled line (lineKinds.ts).
 */
import { z } from "zod";
import type { OrderRecord } from "@/lib/data/customer";
import { cellRow, cells } from "./cells";
import { DateEvidence, parseDate, type DateFormat, type DayMonthOrder } from "./dates";
import type { Encoding, Separator } from "./detect";
import { ImportError } from "./errors";
import { mapHeader, type HeaderMapping } from "./header";
import { assertNotProfiles } from "./kindHint";
import { CreditNoteEvidence, classifyLine, computeLineAmount } from "./lineKinds";
import { OrderQualityBuilder, computeOrderAmountFence, type OrderQuality } from "./orderQuality";
import { ORDER_SPECS } from "./orderSpecs";
import { readInWorker, workerScriptFor } from "./readInWorker";
import { Reservoir } from "./reservoir";
import { CHUNK_ROWS, collectRecords, ErrorLog, eachValidRow, eachWholeRow, collectFileWarnings, mappedCells, parseDateCell, type CellError } from "./rows";
import type { Readable } from "node:stream";
import { readWhole, openCsv, type CsvReader, type InvalidByteRows, type RereadableSource, type SourceOptions } from "./source";

const orderCells = {
  customerId: cells.id,
  orderDate: cells.requiredDate,
  amount: cells.number,
  orderId: cells.text,
  lineNumber: cells.int,
  quantity: cells.number,
  unitPrice: cells.number,
  category: cells.text,
  channel: cells.text,
  status: cells.text,
};
/** A line of a file with an amount column. */
export const orderRow = cellRow({ ...orderCells, amount: cells.requiredNumber });
/** A line of a file whose amounts are quantity × unit price. */
const pricedOrderRow = cellRow({ ...orderCells, quantity: cells.requiredNumber, unitPrice: cells.requiredNumber });
export type OrderRow = z.output<typeof orderRow>;
export type OrderField = keyof OrderRow;
/** What either schema gives: the amount, or quantity and unit price, are checked by the schema chosen. */
type OrderLine = { [F in OrderField]: F extends "amount" | "quantity" | "unitPrice" ? number | null : OrderRow[F] };

/** The fields a `map` may name for order files. */
export const ORDER_FIELDS: readonly OrderField[] = ORDER_SPECS.map((spec) => spec.field);

export type AmountSource = "amount" | "quantity × unit price";

export interface OrderImportOptions extends SourceOptions {
  /** Field → header name in the file, e.g. { customerId: "CUSTOMERNAME", amount: "SALES" }. */
  map?: Partial<Record<OrderField, string>>;
  /** Day-first or month-first dates, for a file whose dates do not say. */
  dateOrder?: DayMonthOrder;
  /** Errors kept in the result (all are counted); 1000 by default. */
  maxErrors?: number;
  /** Whether the lines are read in a worker thread, where its script is at hand (readInWorker.ts); by default a file of 4 MiB or more is. */
  inWorker?: boolean;
}

/** What reading an order file found: everything but the records themselves. */
export interface OrderFile {
  errors: CellError[];
  errorCount: number;
  warnings: string[];
  rowsRead: number;
  separator: Separator;
  encoding: Encoding;
  /** Rows where bytes that are not UTF-8 were replaced by U+FFFD; null when there were none. */
  invalidBytes: InvalidByteRows | null;
  dateFormat: string | null;
  columns: { field: OrderField; header: string }[];
  /** Where the amounts came from. */
  amountSource: AmountSource;
  quality: OrderQuality;
}

/** Valid lines as they are read, CHUNK_ROWS at a time. */
export interface OrderChunk {
  /** Lines without errors. */
  records: OrderRecord[];
  /** Spreadsheet row of each record. */
  rowNumbers: number[];
}

export interface OrderImport extends OrderFile, OrderChunk {}

/** An order file whose header is matched and whose date format, credit notes and amount fence are decided. */
export interface OrderReading {
  columns: { field: OrderField; header: string }[];
  /** Reads the lines, handing the valid records on in chunks (awaited); keeps none of them. */
  read(onChunk: (chunk: OrderChunk) => void | Promise<void>): Promise<OrderFile>;
}

export function readOrdersFile(path: string, options: OrderImportOptions = {}): Promise<OrderImport> {
  return collect({ path }, options);
}

/** For uploads: the bytes in memory or a stream of them (read into memory: large files go through openOrders). */
export async function parseOrders(input: Uint8Array | Readable, options: OrderImportOptions = {}): Promise<OrderImport> {
  return collect(await readWhole(input, options.maxBytes), options);
}

async function collect(source: RereadableSource, options: OrderImportOptions): Promise<OrderImport> {
  return collectRecords(await openOrders(source, options));
}

interface Decided {
  mapping: HeaderMapping<OrderField>;
  amountSource: AmountSource;
  format: DateFormat | null;
  creditNotes: boolean;
  amountFence: number | null;
}

/**
 * Reads the file once to match its header and decide what needs the whole file (the date
 * format, whether "C…" ids are credit notes, the amount fence from a sample, reservoir.ts);
 * `read` then reads it again for its lines. Throws ImportError for a file refused as a whole.
 */
export async function openOrders(source: RereadableSource, options: OrderImportOptions = {}): Promise<OrderReading> {
  const reader = await openCsv(source, options);
  let decided: Decided;
  try {
    if (!options.map) assertNotProfiles(reader.header);
    const mapping = mapHeader(reader.header, ORDER_SPECS, { map: options.map });
    const amountSource = chooseAmountSource(mapping, options.map);
    const { evidence, creditNotes, sample } = await gatherEvidence(reader, mapping);
    const format = evidence.format(dateHeader(mapping), options.dateOrder);
    const credit = creditNotes.result();
    decided = { mapping, amountSource, format, creditNotes: credit, amountFence: amountFence(sample, mapping, amountSource, format, credit) };
  } finally {
    reader.close();
  }
  const columns = decided.mapping.columns.map(({ field, header }) => ({ field, header }));
  const script = workerScriptFor(source, "orders.ts", options.inWorker);
  const args = [source, options, decided] as const;
  return {
    columns,
    read: (onChunk) =>
      script ? readInWorker(script, { module: "orders.ts", reader: "readOrderLines", args: [...args] }, onChunk) : readOrderLines(...args, onChunk),
  };
}

/**
 * The first reading looks only at the cells it decides by, unvalidated: the dates and order
 * ids of every row, and a sample of rows, validated once the sample is drawn. Validating
 * every row twice made this reading nearly as slow as the second.
 */
async function gatherEvidence(reader: CsvReader, mapping: HeaderMapping<OrderField>) {
  const evidence = new DateEvidence();
  const creditNotes = new CreditNoteEvidence();
  const sample = new Reservoir<string[]>();
  const dateIndex = mapping.indexOf.orderDate!;
  const orderIdIndex = mapping.indexOf.orderId;
  await eachWholeRow(reader, (cells) => {
    evidence.add(cells[dateIndex].trim());
    if (orderIdIndex !== undefined) creditNotes.add(cells[orderIdIndex].trim() || null);
    sample.add(cells);
  });
  return { evidence, creditNotes, sample };
}

/** The fence is on sales: the sampled lines are classified as the second reading will classify them. */
function amountFence(
  sample: Reservoir<string[]>,
  mapping: HeaderMapping<OrderField>,
  amountSource: AmountSource,
  format: DateFormat | null,
  creditNotes: boolean,
): number | null {
  if (!format) return null;
  const schema = buildOrderSchema(amountSource);
  const sales = sample.items.flatMap((cells) => {
    const parsed = schema.safeParse(mappedCells(mapping, cells));
    if (!parsed.success || !parseDate(parsed.data.orderDate, format.order)) return [];
    const line = classify(parsed.data, amountSource, creditNotes);
    return line.kind === "sale" ? [line.amount] : [];
  });
  return computeOrderAmountFence(sales);
}

function buildOrderSchema(amountSource: AmountSource): z.ZodType<OrderLine> {
  return (amountSource === "amount" ? orderRow : pricedOrderRow) as z.ZodType<OrderLine>;
}

function dateHeader(mapping: HeaderMapping<OrderField>): string {
  return mapping.columns.find((column) => column.field === "orderDate")!.header;
}

function classify(row: OrderLine, amountSource: AmountSource, creditNotes: boolean) {
  const amount = amountSource === "amount" ? row.amount! : computeLineAmount(row.quantity!, row.unitPrice!);
  return classifyLine({ amount, quantity: row.quantity, orderId: row.orderId, status: row.status }, creditNotes);
}

/** The second reading: every line, validated and classified, handed on in chunks. */
export async function readOrderLines(
  source: RereadableSource,
  options: OrderImportOptions,
  decided: Decided,
  onChunk: (chunk: OrderChunk) => void | Promise<void>,
): Promise<OrderFile> {
  const reader = await openCsv(source, options);
  try {
    const { mapping, amountSource, format, creditNotes, amountFence } = decided;
    const log = new ErrorLog(options.maxErrors ?? 1000);
    const dateColumn = dateHeader(mapping);
    const columns = mapping.columns.map(({ field, header }) => ({ field, header }));
    const quality = new OrderQualityBuilder(columns, amountFence);
    let chunk: OrderChunk = { records: [], rowNumbers: [] };
    const visit = (row: OrderLine, rowNumber: number) => {
      const orderDate = parseDateCell(row.orderDate, format, rowNumber, dateColumn, log);
      if (!orderDate) return;
      const line = classify(row, amountSource, creditNotes);
      const { customerId, orderId, category, channel } = row;
      const record: OrderRecord = { customerId, orderDate, amount: line.amount, orderId, quantity: line.quantity, category, channel, kind: line.kind };
      quality.add(record, rowNumber, row.lineNumber);
      chunk.records.push(record);
      chunk.rowNumbers.push(rowNumber);
      if (chunk.records.length < CHUNK_ROWS) return;
      const full = chunk;
      chunk = { records: [], rowNumbers: [] };
      return onChunk(full);
    };
    const rowsRead = await eachValidRow(reader, mapping, buildOrderSchema(amountSource), log, visit);
    if (chunk.records.length) await onChunk(chunk);

    return {
      errors: log.errors.sort((a, b) => a.row - b.row),
      errorCount: log.count,
      warnings: collectFileWarnings(reader, mapping.warnings, rowsRead),
      rowsRead,
      separator: reader.separator,
      encoding: reader.encoding(),
      invalidBytes: reader.invalidByteRows(),
      dateFormat: format?.label ?? null,
      columns,
      amountSource,
      quality: quality.result(),
    };
  } finally {
    reader.close();
  }
}

/**
 * An amount column wins, unless the user named quantity and unit price and no amount: then
 * they asked for the product. Without an amount, quantity and unit price are needed.
 */
function chooseAmountSource(mapping: HeaderMapping<OrderField>, explicit: OrderImportOptions["map"] = {}): AmountSource {
  const has = (field: OrderField) => mapping.indexOf[field] !== undefined;
  if (explicit.quantity && explicit.unitPrice && !explicit.amount) return "quantity × unit price";
  if (has("amount")) return "amount";
  if (has("quantity") && has("unitPrice")) return "quantity × unit price";
  const aliases = (field: OrderField) =>
    ORDER_SPECS.find((spec) => spec.field === field)!
      .aliases.map((alias) => `"${alias}"`)
      .join(", ");
  const found = has("quantity")
    ? "it has a quantity column but no unit price"
    : has("unitPrice")
      ? "it has a unit price column but no quantity"
      : "it has neither";
  throw new ImportError(
    "missing_column",
    `the file has no amount column and no quantity and unit price columns to compute it from (${found}). ` +
      `Looked for an amount column named ${aliases("amount")}; a quantity column named ${aliases("quantity")}; a unit price column named ${aliases("unitPrice")}. ` +
      `Name yours with the mapping amount=Header, or quantity=Header and unitPrice=Header`,
  );
}
