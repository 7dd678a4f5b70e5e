/**
 * The data-quality report on imported order lines: missing optional values, how many lines
 * are sales, returns and cancelled, amounts far above the rest, lines exported twice.
 */
import { orderLineKind, type OrderRecord } from "@/lib/data/customer";
import { findDuplicateRows, formatCount, missingFinding, missingValues, outOfRange, upperFence } from "./qualityChecks";
import type { DuplicateRows, MissingValues, OutOfRange } from "./qualityChecks";
import type { OrderField } from "./orders";
import { dateRangeOf } from "./rows";

export interface OrderQuality {
  rows: number;
  customers: number;
  /** ISO dates of the first and last order; null without orders. */
  firstDate: string | null;
  lastDate: string | null;
  /** Lines of each kind (lineKinds.ts). */
  kinds: { sales: number; returns: number; cancelled: number };
  /** Per optional column present in the file. */
  missing: MissingValues[];
  outOfRange: OutOfRange[];
  /** Lines equal in every column, line number included: usually an export run twice. */
  duplicateLines: DuplicateRows;
  findings: string[];
}

const OPTIONAL_FIELDS = ["orderId", "quantity", "category", "channel"] as const;

export function orderQuality(
  records: readonly OrderRecord[],
  rowNumbers: readonly number[],
  lineNumbers: readonly (number | null)[],
  columns: readonly { field: OrderField; header: string }[],
): OrderQuality {
  const headerOf = new Map(columns.map((column) => [column.field, column.header]));
  const rows = records.length;
  const missing = OPTIONAL_FIELDS.filter((field) => headerOf.has(field)).map((field) =>
    missingValues(rows, (i) => records[i][field], headerOf.get(field)!),
  );

  const amountHeader = headerOf.get("amount") ?? "amount (quantity × unit price)";
  const amount = (i: number) => records[i].amount;
  // Order values are heavily skewed: the fence is taken on the log scale of the sales' amounts.
  const logFence = upperFence(records.filter((r) => r.kind === "sale" && r.amount > 0).map((r) => Math.log(r.amount)));
  const fence = logFence === null ? null : Math.round(Math.exp(logFence) * 100) / 100;
  const farRule = fence === null ? "" : `far above the rest (over ${formatCount(fence)}, Q3 + 3·IQR on the log scale)`;
  const quantityHeader = headerOf.get("quantity");
  const checks = [
    fence === null ? null : outOfRange(rows, amount, rowNumbers, amountHeader, farRule, (v) => v > fence),
    quantityHeader === undefined ? null : outOfRange(rows, (i) => records[i].quantity, rowNumbers, quantityHeader, "zero", (v) => v === 0),
  ].filter((check) => check !== null);

  const fields = ["customerId", "orderDate", "amount", ...OPTIONAL_FIELDS] as const;
  const duplicateLines = findDuplicateRows(
    rows,
    [...fields.map((field) => (i: number) => records[i][field]), (i: number) => records[i].kind, (i: number) => lineNumbers[i]],
    rowNumbers,
  );

  const range = dateRangeOf(records.map((record) => record.orderDate));
  const kinds = { sales: 0, returns: 0, cancelled: 0 };
  for (const record of records) {
    const kind = orderLineKind(record);
    if (kind === "return") kinds.returns++;
    else if (kind === "cancelled") kinds.cancelled++;
    else kinds.sales++;
  }
  return {
    rows,
    customers: new Set(records.map((record) => record.customerId)).size,
    firstDate: range?.first ?? null,
    lastDate: range?.last ?? null,
    kinds,
    missing,
    outOfRange: checks,
    duplicateLines,
    findings: findings(rows, missing, checks, duplicateLines),
  };
}

function findings(rows: number, missing: MissingValues[], checks: OutOfRange[], duplicates: DuplicateRows): string[] {
  const out = missing.map((m) => missingFinding(m, rows)).filter((finding) => finding !== null);
  for (const c of checks) out.push(`${c.column}: ${formatCount(c.count)} ${c.count === 1 ? "line" : "lines"} ${c.rule}`);
  if (duplicates.count > 0) {
    const lines = duplicates.count === 1 ? "line repeats" : "lines repeat";
    out.push(`${formatCount(duplicates.count)} ${lines} an earlier line in every column`);
  }
  return out;
}
