/**
 * Reading order lines exported from a shop system: customer id, order date and amount
 * required; order id, line number, quantity, category and channel optional. Headers are
 * found by common names or named by the caller's `map`.
 *
 * Negative amounts (returns, credit notes) are kept as they are and counted in the quality
 * report: whether a return lowers a customer's value is the model's decision, not the reader's.
 */
import { z } from "zod";
import type { OrderRecord } from "@/lib/data/customer";
import { cells } from "./cells";
import type { DayMonthOrder } from "./dates";
import type { Encoding, Separator } from "./detect";
import { mapHeader, type FieldSpec } from "./header";
import { orderQuality, type OrderQuality } from "./orderQuality";
import { ErrorLog, fileWarnings, readValidRows, resolveDates, type CellError } from "./rows";
import type { Readable } from "node:stream";
import { openCsv, type ImportSource, type SourceOptions } from "./source";

export const orderRow = z.object({
  customerId: cells.id,
  orderDate: cells.requiredDate,
  amount: cells.requiredNumber,
  orderId: cells.text,
  lineNumber: cells.int,
  quantity: cells.number,
  category: cells.text,
  channel: cells.text,
});
export type OrderRow = z.output<typeof orderRow>;
export type OrderField = keyof OrderRow;

const ORDER_SPECS: FieldSpec<OrderField>[] = [
  { field: "customerId", required: true, aliases: ["customer_id", "client_id", "customer", "customer_number", "customer_name"] },
  { field: "orderDate", required: true, aliases: ["order_date", "invoice_date", "purchase_date", "transaction_date", "date"] },
  { field: "amount", required: true, aliases: ["amount", "sales", "total", "revenue", "line_total", "order_total"] },
  { field: "orderId", required: false, aliases: ["order_id", "invoice_no", "order_number", "invoice", "transaction_id", "order"] },
  { field: "lineNumber", required: false, aliases: ["order_line_number", "line_number", "line"] },
  { field: "quantity", required: false, aliases: ["quantity", "qty", "quantity_ordered", "units"] },
  { field: "category", required: false, aliases: ["category", "product_line", "product_category"] },
  { field: "channel", required: false, aliases: ["channel", "sales_channel"] },
];

export interface OrderImportOptions extends SourceOptions {
  /** Field → header name in the file, e.g. { customerId: "CUSTOMERNAME", amount: "SALES" }. */
  map?: Partial<Record<OrderField, string>>;
  /** Day-first or month-first dates, when the user knows better than the detection. */
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
  dateFormat: string | null;
  columns: { field: OrderField; header: string }[];
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
    const mapping = mapHeader(reader.header, ORDER_SPECS, options.map);
    const log = new ErrorLog(options.maxErrors ?? 1000);
    const valid = await readValidRows(reader, mapping, orderRow, log);
    const dateHeader = mapping.columns.find((column) => column.field === "orderDate")!.header;
    const dates = resolveDates(
      valid.rows.map((row) => row.orderDate),
      valid.rowNumbers,
      dateHeader,
      "mdy",
      options.dateOrder,
      log,
    );

    const records: OrderRecord[] = [];
    const rowNumbers: number[] = [];
    const lineNumbers: (number | null)[] = [];
    valid.rows.forEach(({ lineNumber, ...row }, i) => {
      const orderDate = dates.dates[i];
      if (!orderDate) return;
      records.push({ ...row, orderDate });
      rowNumbers.push(valid.rowNumbers[i]);
      lineNumbers.push(lineNumber);
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
      dateFormat: dates.format?.label ?? null,
      columns,
      quality: orderQuality(records, rowNumbers, lineNumbers, columns),
    };
  } finally {
    reader.close();
  }
}
