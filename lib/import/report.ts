/**
 * What an import read and what it changed, in plain JSON: stored with the batch, shown on
 * the import pages and printed by the CLI. The reader fills in the file's side (columns,
 * dates, line kinds); the writer adds which stored values changed.
 */
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import type { CustomerFile } from "./customers";
import type { AmountSource, OrderFile } from "./orders";
import { describeInvalidBytes } from "./rows";
import { pluralise } from "@/lib/text/plural";
import type { InvalidByteRows } from "./source";

export interface ImportReport {
  kind: "customers" | "orders";
  /** Known columns the file has: the field and the file's header. */
  columns: { field: string; header: string }[];
  /** Known columns the file lacks: the standard header (profiles) or field name (orders). */
  absent: string[];
  /** Profile columns kept as custom attributes, by header. */
  custom: string[];
  dateFormat: string | null;
  /** Earliest and latest date read, YYYY-MM-DD. */
  dates: { column: string; first: string; last: string } | null;
  /** Order files: where the amounts came from and how many lines of each kind. */
  lines?: { amountFrom: AmountSource; sales: number; returns: number; cancelled: number };
  /** Rows where bytes that are not valid UTF-8 were replaced by �: the count and the first rows. */
  invalidBytes?: InvalidByteRows;
  /** Profile files, once written: existing customers whose stored values changed, per column. */
  changes?: ProfileChanges;
}

export interface ProfileChanges {
  customersUpdated: number;
  /** Columns (standard headers, custom attribute names) with the number of customers whose value changed. */
  columns: { column: string; customers: number }[];
}

export function reportCustomerFile(file: CustomerFile): ImportReport {
  const present = new Set<string>(file.columns.map((column) => column.field));
  const dateColumn = file.columns.find((column) => column.field === "dtCustomer")?.header ?? "Dt_Customer";
  return {
    kind: "customers",
    columns: file.columns,
    absent: CUSTOMER_COLUMNS.filter((column) => !present.has(column.field)).map((column) => column.header),
    custom: file.customColumns,
    dateFormat: file.dateFormat,
    dates: file.dateRange && { column: dateColumn, ...file.dateRange },
    ...(file.invalidBytes && { invalidBytes: file.invalidBytes }),
  };
}

/** Fields of an order file worth saying are absent (line numbers rarely exist and matter little). */
const REPORTED_ORDER_FIELDS = ["orderId", "quantity", "unitPrice", "category", "channel", "status"];

export function reportOrderFile(file: OrderFile): ImportReport {
  const present = new Set<string>(file.columns.map((column) => column.field));
  const { quality } = file;
  const dateColumn = file.columns.find((column) => column.field === "orderDate")!.header;
  return {
    kind: "orders",
    columns: file.columns,
    absent: REPORTED_ORDER_FIELDS.filter((field) => !present.has(field)),
    custom: [],
    dateFormat: file.dateFormat,
    dates: quality.firstDate && quality.lastDate ? { column: dateColumn, first: quality.firstDate, last: quality.lastDate } : null,
    lines: { amountFrom: file.amountSource, ...quality.kinds },
    ...(file.invalidBytes && { invalidBytes: file.invalidBytes }),
  };
}

const SHOWN_NAMES = 12;

/** The report as sentences, one per line, for the CLI and the import pages. */
export function describeReport(report: ImportReport): string[] {
  const lines: string[] = [];
  if (report.kind === "customers") {
    lines.push(`Profile columns in the file: ${names(report.columns.map((c) => c.header))} (${report.columns.length} of ${CUSTOMER_COLUMNS.length})`);
    if (report.absent.length) lines.push(`Not in the file, so left as they were: ${names(report.absent)}`);
    if (report.custom.length) lines.push(`Custom attributes: ${names(report.custom)}`);
    if (report.changes) lines.push(describeChanges(report.changes, report.absent.length));
  } else {
    lines.push(`Columns in the file: ${names(report.columns.map((c) => `${c.header} (${c.field})`))}`);
    if (report.absent.length) lines.push(`Not in the file: ${names(report.absent)}`);
  }
  if (report.lines) {
    const { amountFrom, sales, returns, cancelled } = report.lines;
    if (amountFrom !== "amount") lines.push(`Amounts computed as ${amountFrom}`);
    lines.push(`Lines: ${pluralise(sales, "sale")}, ${pluralise(returns, "return")}, ${pluralise(cancelled, "cancelled line")}`);
  }
  if (report.invalidBytes) lines.push(`Warning: ${describeInvalidBytes(report.invalidBytes)}`);
  if (report.dates) {
    const format = report.dateFormat ? `, ${report.dateFormat}` : "";
    lines.push(`Dates: ${report.dates.first} to ${report.dates.last} (${report.dates.column}${format})`);
  }
  return lines;
}

/** "2 customers updated: Income (2); 27 attributes left as they were". */
function describeChanges(changes: ProfileChanges, kept: number): string {
  const changed = changes.columns.map((c) => `${c.column} (${formatNumber(c.customers)})`).join(", ");
  const head = changes.customersUpdated === 0 ? "No existing customer changed" : `${pluralise(changes.customersUpdated, "customer")} updated: ${changed}`;
  return kept ? `${head}; ${pluralise(kept, "attribute")} left as ${kept === 1 ? "it was" : "they were"}` : head;
}

function names(list: readonly string[]): string {
  if (list.length <= SHOWN_NAMES) return list.join(", ");
  return `${list.slice(0, SHOWN_NAMES).join(", ")} and ${list.length - SHOWN_NAMES} more`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-US");
}
