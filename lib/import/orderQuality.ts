/**
 * The data-quality report on imported order lines: missing optional values, how many lines
 * are sales, returns and cancelled, amounts far above the rest, lines exported twice.
 */
import { classifyOrderLine, type OrderRecord } from "@/lib/data/customer";
import { HashIndex, hash53 } from "./hashIndex";
import { DuplicateRowFinder, OutOfRangeCounter, formatCount, describeMissing, computeUpperFence } from "./qualityChecks";
import type { DuplicateRows, MissingValues, OutOfRange } from "./qualityChecks";
import type { OrderField } from "./orders";

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
const LINE_FIELDS = ["customerId", "orderDate", "amount", ...OPTIONAL_FIELDS] as const;

/**
 * The report, built line by line so that no import holds its lines. `amountFence` is the
 * far-out bound on sales' amounts (computeOrderAmountFence), taken beforehand from a sample of them.
 */
export class OrderQualityBuilder {
  private rows = 0;
  private readonly optional: (typeof OPTIONAL_FIELDS)[number][];
  private readonly optionalHeaders: string[];
  private readonly missing: number[];
  private readonly checks: { valueOf: (record: OrderRecord) => number | null; counter: OutOfRangeCounter<OrderRecord> }[] = [];
  private readonly duplicates = new DuplicateRowFinder();
  private readonly customers = new HashIndex();
  private first = Infinity;
  private last = -Infinity;
  private readonly kinds = { sales: 0, returns: 0, cancelled: 0 };

  constructor(columns: readonly { field: OrderField; header: string }[], amountFence: number | null) {
    const headerOf = new Map(columns.map((column) => [column.field, column.header]));
    this.optional = OPTIONAL_FIELDS.filter((field) => headerOf.has(field));
    this.optionalHeaders = this.optional.map((field) => headerOf.get(field)!);
    this.missing = this.optional.map(() => 0);
    const amountHeader = headerOf.get("amount") ?? "amount (quantity × unit price)";
    if (amountFence !== null) {
      const rule = `far above the rest (over ${formatCount(amountFence)}, Q3 + 3·IQR on the log scale)`;
      this.checks.push({ valueOf: (r) => r.amount, counter: new OutOfRangeCounter(amountHeader, rule, (v) => v > amountFence) });
    }
    const quantityHeader = headerOf.get("quantity");
    if (quantityHeader !== undefined) {
      this.checks.push({ valueOf: (r) => r.quantity, counter: new OutOfRangeCounter(quantityHeader, "zero", (v) => v === 0) });
    }
  }

  add(record: OrderRecord, row: number, lineNumber: number | null): void {
    this.rows++;
    this.optional.forEach((field, i) => {
      if (record[field] === null) this.missing[i]++;
    });
    for (const { valueOf, counter } of this.checks) counter.add(valueOf(record), record, row);
    this.duplicates.add([...LINE_FIELDS.map((field) => record[field]), record.kind, lineNumber], row);
    this.customers.set(hash53(record.customerId), 1);
    const time = record.orderDate.getTime();
    if (time < this.first) this.first = time;
    if (time > this.last) this.last = time;
    const kind = classifyOrderLine(record);
    if (kind === "return") this.kinds.returns++;
    else if (kind === "cancelled") this.kinds.cancelled++;
    else this.kinds.sales++;
  }

  result(): OrderQuality {
    const { rows } = this;
    const missing = this.optional.map((_, i) => ({ column: this.optionalHeaders[i], count: this.missing[i], share: rows === 0 ? 0 : this.missing[i] / rows }));
    const checks = this.checks.map(({ counter }) => counter.result()).filter((found) => found !== null);
    const duplicateLines = this.duplicates.result();
    const day = (time: number) => new Date(time).toISOString().slice(0, 10);
    return {
      rows,
      customers: this.customers.size,
      firstDate: rows ? day(this.first) : null,
      lastDate: rows ? day(this.last) : null,
      kinds: this.kinds,
      missing,
      outOfRange: checks,
      duplicateLines,
      findings: findings(rows, missing, checks, duplicateLines),
    };
  }
}

/**
 * Order values are heavily skewed: the far-out bound is Q3 + 3·IQR of the sales' amounts on
 * the log scale (rounded to cents); null with fewer than four sales.
 */
export function computeOrderAmountFence(saleAmounts: readonly number[]): number | null {
  const logFence = computeUpperFence(saleAmounts.filter((amount) => amount > 0).map((amount) => Math.log(amount)));
  return logFence === null ? null : Math.round(Math.exp(logFence) * 100) / 100;
}

function findings(rows: number, missing: MissingValues[], checks: OutOfRange[], duplicates: DuplicateRows): string[] {
  const out = missing.map((m) => describeMissing(m, rows)).filter((finding) => finding !== null);
  for (const c of checks) out.push(`${c.column}: ${formatCount(c.count)} ${c.count === 1 ? "line" : "lines"} ${c.rule}`);
  if (duplicates.count > 0) {
    const lines = duplicates.count === 1 ? "line repeats" : "lines repeat";
    out.push(`${formatCount(duplicates.count)} ${lines} an earlier line in every column`);
  }
  return out;
}
