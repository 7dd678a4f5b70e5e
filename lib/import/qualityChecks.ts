/** The checks the customer and order quality reports share, fed record by record. */
import { HashIndex, hash53 } from "./hashIndex";

export interface MissingValues {
  column: string;
  count: number;
  /** count / rows, 0 for no rows. */
  share: number;
}

export interface OutOfRange {
  column: string;
  /** What is wrong, e.g. "negative". */
  rule: string;
  count: number;
  /** The first few, in file order. */
  examples: { row: number; value: number }[];
}

export interface DuplicateRows {
  /** Rows that repeat an earlier row (the first of each group is not counted). */
  count: number;
  groups: number;
  /** Row numbers of the first few groups, first occurrence first. */
  examples: number[][];
}

const MAX_EXAMPLES = 10;

/** Counts the values a rule flags, keeping the first few as examples (in file order). */
export class OutOfRangeCounter<R> {
  private count = 0;
  private readonly examples: OutOfRange["examples"] = [];

  constructor(
    readonly column: string,
    private readonly rule: string,
    private readonly isOut: (value: number, record: R) => boolean,
  ) {}

  add(value: number | null, record: R, row: number): void {
    if (value === null || !this.isOut(value, record)) return;
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ row, value });
  }

  result(): OutOfRange | null {
    return this.count === 0 ? null : { column: this.column, rule: this.rule, count: this.count, examples: this.examples };
  }
}

/**
 * Q3 + 3·IQR (quartiles by linear interpolation): beyond it a value is far out, not merely
 * high. Null with fewer than four values.
 */
export function computeUpperFence(values: readonly number[]): number | null {
  if (values.length < 4) return null;
  const sorted = Float64Array.from(values).sort();
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return q3 + 3 * (q3 - q1);
}

function quantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Rows listed per example group: a line repeated a million times must not list them all. */
const MAX_GROUP_ROWS = 100;

/**
 * Rows equal in every given column, fed row by row. Rows are keyed by a 53-bit hash of their
 * values (hashIndex.ts), so memory stays 12 bytes a distinct row, outside the JS heap; two
 * different rows that share a hash would count as a repeat (about 1 in 10^15 per pair).
 */
export class DuplicateRowFinder {
  private readonly firstRow = new HashIndex();
  private readonly grouped = new HashIndex();
  private readonly examples = new Map<number, number[]>();
  private count = 0;

  /** Reads `values` at once and keeps none of them: a caller may reuse the array. */
  add(values: readonly unknown[], row: number): void {
    let key = "";
    for (const value of values) key += serialize(value) + "\u0001";
    const hash = hash53(key);
    const first = this.firstRow.get(hash);
    if (first === undefined) {
      this.firstRow.set(hash, row);
      return;
    }
    this.count++;
    const group = this.examples.get(first);
    if (group) {
      if (group.length < MAX_GROUP_ROWS) group.push(row);
      return;
    }
    if (this.grouped.get(hash) !== undefined) return;
    this.grouped.set(hash, 1);
    if (this.examples.size < MAX_EXAMPLES) this.examples.set(first, [first, row]);
  }

  result(): DuplicateRows {
    return { count: this.count, groups: this.grouped.size, examples: [...this.examples.values()] };
  }
}

/** Rows (by index) equal in every given column; `rowNumbers` names them. */
export function findDuplicateRows(rows: number, columns: readonly ((i: number) => unknown)[], rowNumbers: readonly number[]): DuplicateRows {
  const finder = new DuplicateRowFinder();
  for (let i = 0; i < rows; i++)
    finder.add(
      columns.map((valueAt) => valueAt(i)),
      rowNumbers[i],
    );
  return finder.result();
}

function serialize(value: unknown): string {
  if (value === null) return "";
  if (value instanceof Date) return String(value.getTime());
  return String(value);
}

/** "Income: 24 of 2,240 values missing (1.1%)", or null when none is. */
export function describeMissing(missing: MissingValues, rows: number): string | null {
  if (missing.count === 0) return null;
  const percent = (missing.share * 100).toFixed(1);
  return `${missing.column}: ${formatCount(missing.count)} of ${formatCount(rows)} values missing (${percent}%)`;
}

/** 666666 → "666,666"; decimals kept to two places. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Like formatCount, but years and other short numbers stay ungrouped (1900, not 1,900). */
export function formatValue(value: number): string {
  return Math.abs(value) < 10000 ? String(Math.round(value * 100) / 100) : formatCount(value);
}
