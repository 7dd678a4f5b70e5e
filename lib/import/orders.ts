/**
 * Reading order lines exported from a shop system: customer id and order date required, and
 * an amount, either from its own column or as quantity × unit price; order id, line number,
 * category, channel and status optional. Headers are found by common names (the Kaggle
 * sample sales data and the UCI Online Retail data need no map) or named by the caller's `map`.
 * Each line is classified as a sale, a return or a cancelled line (lineKinds.ts).
 */
import { z } from "zod";
import type { OrderRecord } from "@/lib/data/customer";
import { cells } from "./cells";
import type { DayMonthOrder } from "./dates";
import type { Encoding, Separator } from "./detect";
import { ImportError } from "./errors";
import { mapHeader, type FieldSpec, type HeaderMapping } from "./header";
import { classifyLine, hasCreditNoteIds, lineAmount } from "./lineKinds";
import { orderQuality, type OrderQuality } from "./orderQuality";
import { ErrorLog, fileWarnings, readValidRows, resolveDates, type CellError } from "./rows";
import type { Readable } from "node:stream";
import { openCsv, type ImportSource, type InvalidByteRows, type SourceOptions } from "./source";

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
export const orderRow = z.object({ ...orderCells, amount: cells.requiredNumber });
/** A line of a file whose amounts are quantity × unit price. */
const pricedOrderRow = z.object({ ...orderCells, quantity: cells.requiredNumber, unitPrice: cells.requiredNumber });
export type OrderRow = z.output<typeof orderRow>;
export type OrderField = keyof OrderRow;
/** What either schema gives: the amount, or quantity and unit price, are checked by the schema chosen. */
type OrderLine = { [F in OrderField]: F extends "amount" | "quantity" | "unitPrice" ? number | null : OrderRow[F] };

const ORDER_SPECS: FieldSpec<OrderField>[] = [
  { field: "customerId", required: true, label: "customer id", aliases: ["customer_id", "client_id", "customer", "customer_number", "customer_name"] },
  { field: "orderDate", required: true, label: "order date", aliases: ["order_date", "invoice_date", "purchase_date", "transaction_date", "date"] },
  { field: "amount", required: false, aliases: ["amount", "sales", "total", "revenue", "line_total", "order_total"] },
  { field: "orderId", required: false, aliases: ["order_id", "invoice_no", "order_number", "invoice", "transaction_id", "order"] },
  { field: "lineNumber", required: false, aliases: ["order_line_number", "line_number", "line"] },
  { field: "quantity", required: false, aliases: ["quantity", "qty", "quantity_ordered", "units"] },
  { field: "unitPrice", required: false, aliases: ["unit_price", "price_each", "price"] },
  { field: "category", required: false, aliases: ["category", "product_line", "product_category"] },
  { field: "channel", required: false, aliases: ["channel", "sales_channel"] },
  { field: "status", required: false, aliases: ["status", "order_status"] },
];

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
}

export interface OrderImport {
  /** Lines without errors. */
  records: OrderRecord[];
  /** Spreadsheet row of each record. */
  rowNumbers: number[];
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

export function readOrdersFile(path: string, options: OrderImportOptions = {}): Promise<OrderImport> {
  return readOrders({ path }, options);
}

/** For uploads: the bytes in memory or a stream of them. */
export function parseOrders(input: Uint8Array | Readable, options: OrderImportOptions = {}): Promise<OrderImport> {
  return readOrders(input, options);
}

async function readOrders(input: ImportSource, options: OrderImportOptions): Promise<OrderImport> {
  const reader = await openCsv(input, options);
  try {
    const mapping = mapHeader(reader.header, ORDER_SPECS, { map: options.map });
    const amountSource = amountSourceOf(mapping, options.map);
    const log = new ErrorLog(options.maxErrors ?? 1000);
    const schema = amountSource === "amount" ? orderRow : pricedOrderRow;
    const valid = await readValidRows(reader, mapping, schema as z.ZodType<OrderLine>, log);
    const dateHeader = mapping.columns.find((column) => column.field === "orderDate")!.header;
    const dates = resolveDates(
      valid.rows.map((row) => row.orderDate),
      valid.rowNumbers,
      dateHeader,
      options.dateOrder,
      log,
    );

    const records: OrderRecord[] = [];
    const rowNumbers: number[] = [];
    const lineNumbers: (number | null)[] = [];
    const creditNotes = hasCreditNoteIds(valid.rows.map((row) => row.orderId));
    valid.rows.forEach((row, i) => {
      const orderDate = dates.dates[i];
      if (!orderDate) return;
      const amount = amountSource === "amount" ? row.amount! : lineAmount(row.quantity!, row.unitPrice!);
      const line = classifyLine({ amount, quantity: row.quantity, orderId: row.orderId, status: row.status }, creditNotes);
      const { customerId, orderId, category, channel } = row;
      records.push({ customerId, orderDate, amount: line.amount, orderId, quantity: line.quantity, category, channel, kind: line.kind });
      rowNumbers.push(valid.rowNumbers[i]);
      lineNumbers.push(row.lineNumber);
    });

    const columns = mapping.columns.map(({ field, header }) => ({ field, header }));
    return {
      records,
      rowNumbers,
      errors: log.errors.sort((a, b) => a.row - b.row),
      errorCount: log.count,
      warnings: fileWarnings(reader, mapping.warnings, valid.rowsRead),
      rowsRead: valid.rowsRead,
      separator: reader.separator,
      encoding: reader.encoding(),
      invalidBytes: reader.invalidByteRows(),
      dateFormat: dates.format?.label ?? null,
      columns,
      amountSource,
      quality: orderQuality(records, rowNumbers, lineNumbers, columns),
    };
  } finally {
    reader.close();
  }
}

/**
 * An amount column wins, unless the user named quantity and unit price and no amount: then
 * they asked for the product. Without an amount, quantity and unit price are needed.
 */
function amountSourceOf(mapping: HeaderMapping<OrderField>, explicit: OrderImportOptions["map"] = {}): AmountSource {
  const has = (field: OrderField) => mapping.indexOf[field] !== undefined;
  if (explicit.quantity && explicit.unitPrice && !explicit.amount) return "quantity × unit price";
  if (has("amount")) return "amount";
  if (has("quantity") && has("unitPrice")) return "quantity × unit price";
  const aliases = (field: OrderField) => ORDER_SPECS.find((spec) => spec.field === field)!.aliases.map((alias) => `"${alias}"`).join(", ");
  const found = has("quantity") ? "it has a quantity column but no unit price" : has("unitPrice") ? "it has a unit price column but no quantity" : "it has neither";
  throw new ImportError(
    "missing_column",
    `the file has no amount column and no quantity and unit price columns to compute it from (${found}). ` +
      `Looked for an amount column named ${aliases("amount")}; a quantity column named ${aliases("quantity")}; a unit price column named ${aliases("unitPrice")}. ` +
      `Name yours with the mapping amount=Header, or quantity=Header and unitPrice=Header`,
  );
}
