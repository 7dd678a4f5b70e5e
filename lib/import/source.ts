/**
 * Opening a CSV file, buffer or stream: size limit, binary and encoding checks on the first
 * bytes, separator detection, then records streamed through the CSV tokenizer. The raw text is
 * never held whole: bytes are decoded and parsed chunk by chunk.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { setImmediate } from "node:timers/promises";
import { CsvSyntaxError, CsvTokenizer, type RecordDelimiter } from "./csvTokenizer";
import { StreamDecoder } from "./decode";
import { SAMPLE_BYTES, assertTextContent, detectSeparator, type Encoding, type Separator } from "./detect";
import { ImportError } from "./errors";
import { MAX_COLUMNS, MAX_RECORD_CHARS, assertWithinLimit, formatBytes, resolveMaxBytes } from "./limits";

/** A file on disk, the bytes of an upload, or a stream of them. */
export type ImportSource = { path: string } | Uint8Array | Readable;
/** A source the readers can read twice (once to decide the file's formats, once for its rows). */
export type RereadableSource = { path: string } | Uint8Array;

export interface SourceOptions {
  /** Largest accepted file in bytes; 200 MB by default. */
  maxBytes?: number;
  /** Skips separator detection. */
  separator?: Separator;
}

export interface CsvRow {
  cells: string[];
  /** The row as a spreadsheet shows it: the header is row 1, blank lines count. */
  row: number;
}

export interface CsvReader {
  header: string[];
  separator: Separator;
  /** The data rows, a batch at a time. */
  rows: AsyncIterable<CsvRow[]>;
  /** Final once the rows have been read. */
  encoding(): Encoding;
  /** Final once the rows have been read: rows where bytes that are not UTF-8 were replaced by U+FFFD. */
  invalidByteRows(): InvalidByteRows | null;
  /** Stops reading and closes the file; safe to call after the rows are read. */
  close(): void;
}

export interface InvalidByteRows {
  count: number;
  /** The first MAX_LISTED_ROWS, in file order. */
  rows: number[];
}

const MAX_LISTED_ROWS = 20;
const CHUNK_BYTES = 1 << 20;

export async function openCsv(input: ImportSource, options: SourceOptions = {}): Promise<CsvReader> {
  const bytes = byteChunks(input, resolveMaxBytes(options.maxBytes));
  try {
    return await startParsing(bytes, options);
  } catch (error) {
    await bytes.return(undefined);
    throw error;
  }
}

async function startParsing(bytes: AsyncGenerator<Uint8Array>, options: SourceOptions): Promise<CsvReader> {
  const head: Uint8Array[] = [];
  let headBytes = 0;
  // Twice the sample, so that the encoding is judged (decode.ts) and SAMPLE_BYTES of text are there.
  let ended = false;
  while (headBytes < 2 * SAMPLE_BYTES) {
    const next = await bytes.next();
    ended = next.done ?? false;
    if (ended) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes === 0) throw new ImportError("empty_file", "the file is empty");
  assertTextContent(Buffer.concat(head).subarray(0, SAMPLE_BYTES));

  const decoder = new StreamDecoder();
  // A short file ends within the head: flush what the decoder holds back to judge the encoding.
  const headText = decoder.decode(Buffer.concat(head)) + (ended ? decoder.end() : "");
  const separator = options.separator ?? detectSeparator(headText.slice(0, SAMPLE_BYTES));
  async function* text(): AsyncGenerator<string> {
    try {
      yield headText;
      for (let next = await bytes.next(); !next.done; next = await bytes.next()) {
        // A source in memory resolves without I/O: yield to the event loop so other requests are answered.
        await setImmediate();
        yield decoder.decode(next.value);
      }
      yield decoder.end();
    } finally {
      await bytes.return(undefined);
    }
  }

  // The record delimiter is named, not discovered: csv-parse's discovery allocated per byte of the
  // first line, which froze the server for seconds on a 10 MB header.
  const tokenizer = new CsvTokenizer(separator, recordDelimiter(headText), MAX_RECORD_CHARS);
  const batches = recordBatches(text(), tokenizer);
  let row = 0;
  let header: string[] | null = null;
  let rest: string[][] = [];
  while (!header) {
    const batch = await nextBatch(batches, true);
    if (!batch) break;
    for (let i = 0; i < batch.length && !header; i++) {
      row++;
      if (!isBlank(batch[i])) {
        header = batch[i];
        rest = batch.slice(i + 1);
      }
    }
  }
  if (!header) throw new ImportError("empty_file", "the file has no header line (it is blank)");
  // Checked before any per-column work (header matching, warnings).
  if (header.length > MAX_COLUMNS) {
    await batches.return(undefined);
    throw tooManyColumns(header.length.toLocaleString("en-US"));
  }

  const replaced: InvalidByteRows = { count: 0, rows: [] };
  return {
    header,
    separator,
    rows: dataRows(batches, rest, row, () => decoder.hadInvalidBytes, replaced),
    encoding: () => decoder.encoding,
    invalidByteRows: () => (decoder.hadInvalidBytes ? replaced : null),
    close: () => void batches.return(undefined),
  };
}

function tooManyColumns(count: string): ImportError {
  return new ImportError("too_many_columns", `the header has ${count} columns; the limit is ${MAX_COLUMNS.toLocaleString("en-US")}`);
}

/** The line break the file uses, from its first one; any of the three when the sample holds none. */
function recordDelimiter(text: string): RecordDelimiter {
  const at = text.search(/[\r\n]/);
  if (at === -1) return "any";
  if (text[at] === "\n") return "\n";
  return text[at + 1] === "\n" ? "\r\n" : "\r";
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** The records of each decoded chunk, as one batch. */
async function* recordBatches(text: AsyncIterable<string>, tokenizer: CsvTokenizer): AsyncGenerator<string[][]> {
  for await (const piece of text) {
    const records = tokenizer.push(piece);
    if (records.length > 0) yield records;
  }
  const last = tokenizer.end();
  if (last.length > 0) yield last;
}

/**
 * The data rows, a batch at a time: a row number each (the header's plus one, blank lines
 * counted and skipped). `replaced` collects the rows holding U+FFFD, which matter only once
 * the decoder has replaced bytes.
 */
async function* dataRows(
  batches: AsyncGenerator<string[][]>,
  first: string[][],
  headerRow: number,
  hadInvalidBytes: () => boolean,
  replaced: InvalidByteRows,
): AsyncGenerator<CsvRow[]> {
  let row = headerRow;
  for (let batch: string[][] | null = first; batch; batch = await nextBatch(batches, false)) {
    const checkBytes = hadInvalidBytes();
    const rows: CsvRow[] = [];
    for (const cells of batch) {
      row++;
      if (isBlank(cells)) continue;
      if (checkBytes && cells.some((cell) => cell.includes("\uFFFD"))) {
        replaced.count++;
        if (replaced.rows.length < MAX_LISTED_ROWS) replaced.rows.push(row);
      }
      rows.push({ cells, row });
    }
    if (rows.length > 0) yield rows;
  }
}

/** The next batch of records, with the tokenizer's errors told as the importer tells them. */
async function nextBatch(batches: AsyncGenerator<string[][]>, readingHeader: boolean): Promise<string[][] | null> {
  try {
    const next = await batches.next();
    return next.done ? null : next.value;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const row = error.records + 1;
    if (error.problem === "quote_not_closed") {
      throw new ImportError("malformed_csv", `the file is not valid CSV: a quote opened in row ${row} is never closed`);
    }
    // A header this long is almost always one with far too many columns: say so.
    if (readingHeader && error.fields > MAX_COLUMNS) throw tooManyColumns(`more than ${error.fields.toLocaleString("en-US")}`);
    const what = readingHeader ? "the header" : `row ${row}`;
    throw new ImportError("too_large", `${what} is longer than ${formatBytes(MAX_RECORD_CHARS)}, the limit for one row`);
  }
}

export async function* byteChunks(input: ImportSource, maxBytes: number): AsyncGenerator<Uint8Array> {
  if ("path" in input) {
    assertWithinLimit(await fileSize(input.path), maxBytes);
    yield* createReadStream(input.path, { highWaterMark: CHUNK_BYTES });
  } else if (input instanceof Uint8Array) {
    assertWithinLimit(input.length, maxBytes);
    for (let start = 0; start < input.length; start += CHUNK_BYTES) yield input.subarray(start, start + CHUNK_BYTES);
  } else {
    let total = 0;
    for await (const chunk of input) {
      const piece: Uint8Array = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      total += piece.length;
      assertWithinLimit(total, maxBytes, true);
      yield piece;
    }
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError("not_found", `${path} is not a file`);
    return info.size;
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") throw new ImportError("not_found", `no file at ${path}`);
    throw error;
  }
}

/**
 * A stream's bytes in memory, stopping once they pass the size limit: for callers that read
 * a small upload whole (imports of large ones spool it to disk, spool.ts).
 */
export async function readWhole(input: Uint8Array | Readable, maxBytes: number | undefined): Promise<RereadableSource> {
  if (input instanceof Uint8Array) return input;
  const chunks: Uint8Array[] = [];
  for await (const chunk of byteChunks(input, resolveMaxBytes(maxBytes))) chunks.push(chunk);
  return Buffer.concat(chunks);
}
