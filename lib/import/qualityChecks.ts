/** The checks the customer and order quality reports share. */

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

export function missingValues(rows: number, valueAt: (i: number) => unknown, column: string): MissingValues {
  let count = 0;
  for (let i = 0; i < rows; i++) if (valueAt(i) === null) count++;
  return { column, count, share: rows === 0 ? 0 : count / rows };
}

export function outOfRange(
  rows: number,
  valueAt: (i: number) => number | null,
  rowNumbers: readonly number[],
  column: string,
  rule: string,
  isOut: (value: number, i: number) => boolean,
): OutOfRange | null {
  let count = 0;
  const examples: OutOfRange["examples"] = [];
  for (let i = 0; i < rows; i++) {
    const value = valueAt(i);
    if (value === null || !isOut(value, i)) continue;
    count++;
    if (examples.length < MAX_EXAMPLES) examples.push({ row: rowNumbers[i], value });
  }
  return count === 0 ? null : { column, rule, count, examples };
}

/**
 * Q3 + 3·IQR (quartiles by linear interpolation): beyond it a value is far out, not merely
 * high. Null with fewer than four values.
 */
export function upperFence(values: readonly number[]): number | null {
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

/**
 * Rows equal in every given column. Rows are keyed by a 53-bit hash of their values and
 * compared in full on a hash match, so memory stays one number per row.
 */
export function findDuplicateRows(
  rows: number,
  columns: readonly ((i: number) => unknown)[],
  rowNumbers: readonly number[],
): DuplicateRows {
  const key = (i: number) => {
    let text = "";
    for (const valueAt of columns) text += serialize(valueAt(i)) + "\u0001";
    return text;
  };
  const same = (a: number, b: number) => columns.every((valueAt) => serialize(valueAt(a)) === serialize(valueAt(b)));
  const firstByHash = new Map<number, number>();
  const firstByKey = new Map<string, number>();
  const groups = new Map<number, number[]>();
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const rowKey = key(i);
    const hash = cyrb53(rowKey);
    let first = firstByHash.get(hash);
    if (first === undefined) {
      firstByHash.set(hash, i);
      continue;
    }
    if (!same(first, i)) {
      // A hash collision between different rows: fall back to the full key for this one.
      first = firstByKey.get(rowKey);
      if (first === undefined) {
        firstByKey.set(rowKey, i);
        continue;
      }
    }
    count++;
    const group = groups.get(first) ?? [rowNumbers[first]];
    group.push(rowNumbers[i]);
    groups.set(first, group);
  }
  return { count, groups: groups.size, examples: [...groups.values()].slice(0, MAX_EXAMPLES) };
}

function serialize(value: unknown): string {
  if (value === null) return "";
  if (value instanceof Date) return String(value.getTime());
  return String(value);
}

/** cyrb53 (public domain): a fast 53-bit string hash. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (h2 & 2097151) + (h1 >>> 0);
}

/** "Income: 24 of 2,240 values missing (1.1%)", or null when none is. */
export function missingFinding(missing: MissingValues, rows: number): string | null {
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
