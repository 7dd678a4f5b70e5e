/**
 * Opening a CSV file, buffer or stream: size limit, binary and encoding checks on the first
 * bytes, separator detection, then records streamed through csv-parse. The raw text is never
 * held whole: bytes are decoded and parsed chunk by chunk.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import { StreamDecoder } from "./decode";
import { SAMPLE_BYTES, assertTextContent, detectSeparator, type Encoding, type Separator } from "./detect";
import { ImportError } from "./errors";
import { assertWithinLimit, resolveMaxBytes } from "./limits";

/** A file on disk, the bytes of an upload, or a stream of them. */
export type ImportSource = { path: string } | Uint8Array | Readable;

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
  rows: AsyncIterable<CsvRow>;
  /** Final once the rows have been read. */
  encoding(): Encoding;
  /** Final once the rows have been read. */
  hadInvalidBytes(): boolean;
  /** Stops reading and closes the file; safe to call after the rows are read. */
  close(): void;
}

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
  while (headBytes < SAMPLE_BYTES) {
    const next = await bytes.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes === 0) throw new ImportError("empty_file", "the file is empty");
  assertTextContent(Buffer.concat(head).subarray(0, SAMPLE_BYTES));

  const decoder = new StreamDecoder();
  const headText = head.map((chunk) => decoder.decode(chunk)).join("");
  const separator = options.separator ?? detectSeparator(headText.slice(0, SAMPLE_BYTES));
  async function* text(): AsyncGenerator<string> {
    try {
      yield headText;
      for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield decoder.decode(next.value);
      yield decoder.end();
    } finally {
      await bytes.return(undefined);
    }
  }

  // Blank lines are kept (as one empty cell) so that counting records counts spreadsheet rows.
  const parser = parse({ delimiter: separator, bom: true, relax_column_count: true, relax_quotes: true });
  // Errors of the source (e.g. a stream over the size limit) reach the records iterator;
  // destroying the parser closes the file.
  pipeline(Readable.from(text()), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let row = 1;
  let header = await nextRecord(records);
  for (; header && isBlank(header); row++) header = await nextRecord(records);
  if (!header) {
    parser.destroy();
    throw new ImportError("empty_file", "the file has no header line (it is blank)");
  }

  return {
    header,
    separator,
    rows: dataRows(records, row),
    encoding: () => decoder.encoding,
    hadInvalidBytes: () => decoder.hadInvalidBytes,
    close: () => void parser.destroy(),
  };
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

async function* dataRows(records: AsyncIterator<string[]>, headerRow: number): AsyncGenerator<CsvRow> {
  let row = headerRow;
  for (let cells = await nextRecord(records); cells; cells = await nextRecord(records)) {
    row++;
    if (!isBlank(cells)) yield { cells, row };
  }
}

async function nextRecord<T>(records: AsyncIterator<T>): Promise<T | null> {
  try {
    const next = await records.next();
    return next.done ? null : next.value;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("CSV_")) {
      throw new ImportError("malformed_csv", `the file is not valid CSV: ${(error as Error).message}`);
    }
    throw error;
  }
}

async function* byteChunks(input: ImportSource, maxBytes: number): AsyncGenerator<Uint8Array> {
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
