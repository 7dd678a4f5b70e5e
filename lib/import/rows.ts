/**
 * The row loop both readers share: cells of the mapped columns → one zod row schema, with
 * every failing cell reported by spreadsheet row, column header and value.
 */
import type { z } from "zod";
import { detectDateFormat, invalidDateMessage, parseDate, type DateFormat, type DayMonthOrder } from "./dates";
import type { HeaderMapping } from "./header";
import type { CsvReader, InvalidByteRows } from "./source";

export interface CellError {
  /** Spreadsheet row: the header is row 1. */
  row: number;
  /** The column header as written in the file; null for a problem with the whole row. */
  column: string | null;
  value: string | null;
  message: string;
}

/** Collects errors, keeping the first `max` and counting the rest, so a garbage file cannot exhaust memory. */
export class ErrorLog {
  readonly errors: CellError[] = [];
  count = 0;

  constructor(private readonly max: number) {}

  add(error: CellError): void {
    this.count++;
    if (this.errors.length < this.max) this.errors.push(error);
  }
}

export interface ValidRows<T> {
  rows: T[];
  rowNumbers: number[];
  rowsRead: number;
}

export interface RowHooks<F extends string, T> {
  /** May veto a row before validation (e.g. a repeated id); sees the row number and the raw cells by field. */
  accept?: (row: number, input: Partial<Record<F, string>>) => boolean;
  /** Runs on each valid row with all its cells, to read columns outside the schema; false drops the row. */
  complete?: (data: T, cells: string[], row: number) => boolean;
}

/** Reads every data row through the schema. */
export async function readValidRows<F extends string, S extends z.ZodType>(
  reader: CsvReader,
  mapping: HeaderMapping<F>,
  schema: S,
  log: ErrorLog,
  hooks: RowHooks<F, z.output<S>> = {},
): Promise<ValidRows<z.output<S>>> {
  const { accept = () => true, complete = () => true } = hooks;
  const width = reader.header.length;
  const rows: z.output<S>[] = [];
  const rowNumbers: number[] = [];
  let rowsRead = 0;
  for await (const { cells, row } of reader.rows) {
    rowsRead++;
    if (cells.length !== width) {
      log.add({ row, column: null, value: null, message: `the row has ${cells.length} fields, the header has ${width}` });
      continue;
    }
    const input: Partial<Record<F, string>> = {};
    for (const column of mapping.columns) input[column.field] = cells[column.index];
    if (!accept(row, input)) continue;
    const result = schema.safeParse(input);
    if (result.success) {
      if (!complete(result.data, cells, row)) continue;
      rows.push(result.data);
      rowNumbers.push(row);
      continue;
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]) as F;
      const index = mapping.indexOf[field];
      log.add({
        row,
        column: index === undefined ? null : reader.header[index].trim(),
        value: index === undefined ? null : cells[index],
        message: issue.message,
      });
    }
  }
  return { rows, rowNumbers, rowsRead };
}

/** Warnings about the file as a whole, after its rows have been read. */
export function fileWarnings(reader: CsvReader, headerWarnings: readonly string[], rowsRead: number): string[] {
  const warnings = [...headerWarnings];
  const replaced = reader.invalidByteRows();
  if (replaced) warnings.push(invalidBytesWarning(replaced));
  if (rowsRead === 0) warnings.push("the file has a header but no data rows");
  return warnings;
}

/** "bytes that are not valid UTF-8 were replaced by � in 2 rows: 4, 9" (the file was read as UTF-8). */
export function invalidBytesWarning({ count, rows }: InvalidByteRows): string {
  const listed = rows.join(", ") + (count > rows.length ? ", …" : "");
  const where = count === 0 ? "the header" : `${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"}: ${listed}`;
  return `bytes that are not valid UTF-8 were replaced by � in ${where}`;
}

export interface ResolvedDates {
  format: DateFormat | null;
  /** Indices (into the rows) whose date did not parse; their errors are logged. */
  failed: Set<number>;
  dates: (Date | null)[];
}

/** Decides the column's date format from all its values (refusing an ambiguous column), then parses each. */
export function resolveDates(
  values: readonly (string | null)[],
  rowNumbers: readonly number[],
  column: string,
  override: DayMonthOrder | undefined,
  log: ErrorLog,
): ResolvedDates {
  const present = values.filter((value): value is string => value !== null);
  const format = detectDateFormat(present, column, override);
  const failed = new Set<number>();
  const dates = values.map((value, i) => {
    if (value === null) return null;
    const date = format ? parseDate(value, format.order) : null;
    if (!date) {
      failed.add(i);
      log.add({ row: rowNumbers[i], column, value, message: invalidDateMessage(format) });
    }
    return date;
  });
  return { format, failed, dates };
}

/** Earliest and latest of some dates, as YYYY-MM-DD; null when there are none. */
export function dateRangeOf(dates: Iterable<Date | null>): { first: string; last: string } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const date of dates) {
    if (date === null) continue;
    const time = date.getTime();
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (first === Infinity) return null;
  return { first: new Date(first).toISOString().slice(0, 10), last: new Date(last).toISOString().slice(0, 10) };
}
