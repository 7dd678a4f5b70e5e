/**
 * The row loop both readers share: cells of the mapped columns → one zod row schema, with
 * every failing cell reported by spreadsheet row, column header and value. Rows are handed
 * on one by one, never collected: an import's memory does not grow with its file.
 */
import type { z } from "zod";
import { describeInvalidDate, parseDate, type DateFormat } from "./dates";
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

export interface RowHooks<F extends string, T> {
  /** May veto a row before validation (e.g. a repeated id); sees the row number and the raw cells by field. */
  accept?: (row: number, input: Partial<Record<F, string>>) => boolean;
  /** Runs on each valid row with all its cells, to read columns outside the schema; false drops the row. */
  complete?: (data: T, cells: string[], row: number) => boolean;
}

/** Rows a reader hands on at a time: what an import writes per step, so no import holds its rows. */
export const CHUNK_ROWS = 5_000;

/**
 * Reads every data row through the schema and hands each valid one to `visit` (awaited only
 * when it returns a promise); keeps nothing. Returns the number of data rows read.
 */
export async function eachValidRow<F extends string, S extends z.ZodType>(
  reader: CsvReader,
  mapping: HeaderMapping<F>,
  schema: S,
  log: ErrorLog,
  visit: (data: z.output<S>, row: number) => void | Promise<void>,
  hooks: RowHooks<F, z.output<S>> = {},
): Promise<number> {
  const { accept = () => true, complete = () => true } = hooks;
  const width = reader.header.length;
  let rowsRead = 0;
  for await (const batch of reader.rows) {
    for (const { cells, row } of batch) {
      rowsRead++;
      if (cells.length !== width) {
        log.add({ row, column: null, value: null, message: `the row has ${cells.length} fields, the header has ${width}` });
        continue;
      }
      const input = mappedCells(mapping, cells);
      if (!accept(row, input)) continue;
      const result = schema.safeParse(input);
      if (result.success) {
        if (!complete(result.data, cells, row)) continue;
        const pending = visit(result.data, row);
        if (pending) await pending;
        continue;
      }
      logIssues(result.error.issues, cells, row, reader.header, mapping, log);
    }
  }
  return rowsRead;
}

/** The cells of a row by the fields they are mapped to. */
export function mappedCells<F extends string>(mapping: HeaderMapping<F>, cells: string[]): Partial<Record<F, string>> {
  const input: Partial<Record<F, string>> = {};
  for (const column of mapping.columns) input[column.field] = cells[column.index];
  return input;
}

/** Hands on the cells of every row with as many fields as the header, unvalidated. */
export async function eachWholeRow(reader: CsvReader, visit: (cells: string[], row: number) => void): Promise<void> {
  const width = reader.header.length;
  for await (const batch of reader.rows) {
    for (const { cells, row } of batch) if (cells.length === width) visit(cells, row);
  }
}

/** A row's failing cells, by row, column header and value. */
function logIssues<F extends string>(
  issues: z.core.$ZodIssue[],
  cells: string[],
  row: number,
  header: string[],
  mapping: HeaderMapping<F>,
  log: ErrorLog,
): void {
  for (const issue of issues) {
    const index = mapping.indexOf[String(issue.path[0]) as F];
    log.add({
      row,
      column: index === undefined ? null : header[index].trim(),
      value: index === undefined ? null : cells[index],
      message: issue.message,
    });
  }
}

/** Warnings about the file as a whole, after its rows have been read. */
export function collectFileWarnings(reader: CsvReader, headerWarnings: readonly string[], rowsRead: number): string[] {
  const warnings = [...headerWarnings];
  const replaced = reader.invalidByteRows();
  if (replaced) warnings.push(describeInvalidBytes(replaced));
  if (rowsRead === 0) warnings.push("the file has a header but no data rows");
  return warnings;
}

/** "bytes that are not valid UTF-8 were replaced by � in 2 rows: 4, 9" (the file was read as UTF-8). */
export function describeInvalidBytes({ count, rows }: InvalidByteRows): string {
  const listed = rows.join(", ") + (count > rows.length ? ", …" : "");
  const where = count === 0 ? "the header" : `${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"}: ${listed}`;
  return `bytes that are not valid UTF-8 were replaced by � in ${where}`;
}

/** Parses a date in the column's format, logging it when it does not parse. */
export function parseDateCell(value: string, format: DateFormat | null, row: number, column: string, log: ErrorLog): Date | null {
  const date = format ? parseDate(value, format.order) : null;
  if (!date) log.add({ row, column, value, message: describeInvalidDate(format) });
  return date;
}

/** Earliest and latest of some dates, fed one by one, as YYYY-MM-DD; null when there are none. */
export class DateRange {
  private first = Infinity;
  private last = -Infinity;

  add(date: Date | null): void {
    if (date === null) return;
    const time = date.getTime();
    if (time < this.first) this.first = time;
    if (time > this.last) this.last = time;
  }

  result(): { first: string; last: string } | null {
    if (this.first === Infinity) return null;
    return { first: new Date(this.first).toISOString().slice(0, 10), last: new Date(this.last).toISOString().slice(0, 10) };
  }
}

/** A reading's valid records with their row numbers, all in memory: for callers that want the whole file. */
export async function collectRecords<R, F>(reading: {
  read(onChunk: (chunk: { records: R[]; rowNumbers: number[] }) => void): Promise<F>;
}): Promise<F & { records: R[]; rowNumbers: number[] }> {
  const records: R[] = [];
  const rowNumbers: number[] = [];
  const file = await reading.read((chunk) => {
    for (let i = 0; i < chunk.records.length; i++) {
      records.push(chunk.records[i]);
      rowNumbers.push(chunk.rowNumbers[i]);
    }
  });
  return { ...file, records, rowNumbers };
}
