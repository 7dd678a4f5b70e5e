/**
 * CSV text to records, a decoded chunk at a time, read as csv-parse reads it with the options
 * the importer used (a named delimiter and record delimiter, relaxed quotes, ragged rows, blank
 * lines kept as one empty cell, a byte-order mark dropped), and tested against it. Written for
 * speed: fields are found with indexOf rather than a character at a time, and a whole chunk's
 * records come back at once, which made reading an order file about twice as fast.
 */

/** How records end: one of the three line breaks, or any of them for a file that showed none. */
export type RecordDelimiter = "\n" | "\r\n" | "\r" | "any";

export type CsvSyntaxProblem = "quote_not_closed" | "record_too_large";

/** The text is not CSV; `records` complete records came before the one at fault. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvSyntaxProblem,
    /** Complete records before the one at fault (blank lines count). */
    readonly records: number,
    /** Fields of the faulty record read so far. */
    readonly fields: number,
  ) {
    super(problem === "quote_not_closed" ? "a quoted field is not closed by the end of the file" : "a record is over the size limit");
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Substrings this long may share their parent's memory in V8 (a sliced string); shorter ones are copies. */
const SLICED_MIN_LENGTH = 13;

export class CsvTokenizer {
  private pending = "";
  private recordCount = 0;
  private atStart = true;
  /** A fault found after some records: they are handed on first, and the next call throws. */
  private failure: CsvSyntaxError | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly recordDelimiter: RecordDelimiter,
    private readonly maxRecordChars: number,
  ) {
    if (delimiter.length === 0 || delimiter.includes('"')) throw new Error(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
  }

  /** The records completed by this chunk; an unfinished one waits for the next. */
  push(chunk: string): string[][] {
    if (this.failure) throw this.failure;
    let text = this.pending + chunk;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.parse(text, false);
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[][] {
    if (this.failure) throw this.failure;
    const text = this.pending;
    this.pending = "";
    return text.length === 0 ? [] : this.parse(text, true);
  }

  private parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    const scan = new Scanner(text, this.delimiter, this.recordDelimiter, final);
    let start = 0;
    while (start < text.length) {
      const record = scan.record(start);
      if (record === null) {
        if (final) return this.fail(records, "quote_not_closed", scan.fields.length);
        break;
      }
      if (scan.position - start > this.maxRecordChars) return this.fail(records, "record_too_large", record.length);
      records.push(record);
      this.recordCount++;
      start = scan.position;
    }
    this.pending = start < text.length ? text.slice(start) : "";
    if (this.pending.length > this.maxRecordChars) return this.fail(records, "record_too_large", scan.fields.length);
    return records;
  }

  private fail(before: string[][], problem: CsvSyntaxProblem, fields: number): string[][] {
    this.pending = "";
    this.failure = new CsvSyntaxError(problem, this.recordCount, fields);
    if (before.length === 0) throw this.failure;
    return before;
  }
}

/**
 * One pass over a text. The next delimiter and line breaks are found with indexOf and kept until
 * passed, so a line is searched once however many fields it has.
 */
class Scanner {
  /** Where the last record read ended (after its line break). */
  position = 0;
  /** Fields of the record being read; left as far as it got when the text ran out. */
  fields: string[] = [];
  private nextDelimiter = -1;
  private nextLf = -1;
  private nextCr = -1;
  /** Length of the line break found by lineBreakAt / nextLineBreak. */
  private breakLength = 0;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    private readonly recordDelimiter: RecordDelimiter,
    /** No more text follows: what is left is the last record. */
    private readonly final: boolean,
  ) {}

  /** Reads the record starting at `start`; null when the text ends within it. */
  record(start: number): string[] | null {
    const text = this.text;
    this.fields = [];
    let at = start;
    for (;;) {
      let prefix = "";
      if (text.charCodeAt(at) === QUOTE) {
        const quoted = this.quoted(at);
        if (quoted === null) return null;
        at = quoted.end;
        // What follows the quote is not known yet (a CR may be half of a CRLF): wait for the next chunk.
        if (!this.final && at + 1 >= text.length) return null;
        if (at >= text.length) return this.finish(quoted.value, at, 0);
        if (text.startsWith(this.delimiter, at)) {
          this.fields.push(flat(quoted.value));
          at += this.delimiter.length;
          continue;
        }
        if (this.lineBreakAt(at)) return this.finish(quoted.value, at, this.breakLength);
        // csv-parse's relaxed quotes: text after a closing quote makes the field unquoted, its quotes kept.
        prefix = '"' + quoted.value + '"';
      }
      const delimiter = this.delimiterFrom(at);
      const lineBreak = this.nextLineBreak(at);
      if (delimiter !== -1 && (lineBreak === -1 || delimiter < lineBreak)) {
        this.fields.push(flat(prefix + text.slice(at, delimiter)));
        at = delimiter + this.delimiter.length;
        continue;
      }
      if (lineBreak !== -1) return this.finish(prefix + text.slice(at, lineBreak), lineBreak, this.breakLength);
      if (!this.final) return null;
      return this.finish(prefix + text.slice(at), text.length, 0);
    }
  }

  private finish(last: string, at: number, breakLength: number): string[] {
    this.fields.push(flat(last));
    this.position = at + breakLength;
    return this.fields;
  }

  /** The value of the quoted field opening at `at` ("" inside is a quote) and where it closes; null when it does not. */
  private quoted(at: number): { value: string; end: number } | null {
    const text = this.text;
    let value = "";
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) return null;
      // A quote at the very end of a chunk may be the first of a pair: wait for the next chunk.
      if (quote + 1 === text.length && !this.final) return null;
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      return { value: value + text.slice(from, quote), end: quote + 1 };
    }
  }

  private delimiterFrom(at: number): number {
    this.nextDelimiter = this.search(this.nextDelimiter, this.delimiter, at);
    return Math.max(this.nextDelimiter, -1);
  }

  /** Whether a line break starts at `at`; sets breakLength. */
  private lineBreakAt(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (code !== LF && code !== CR) return false;
    return this.nextLineBreak(at) === at;
  }

  /** The next line break from `at`, or -1; sets breakLength. */
  private nextLineBreak(at: number): number {
    const mode = this.recordDelimiter;
    if (mode === "\n") return this.lf(at, 1);
    if (mode === "\r") return this.cr(at, 1);
    if (mode === "\r\n") {
      for (let lf = this.lf(at, 2); lf !== -1; lf = this.lf(lf + 1, 2)) {
        if (lf > at && this.text.charCodeAt(lf - 1) === CR) return lf - 1;
      }
      return -1;
    }
    const lf = this.lf(at, 1);
    const cr = this.cr(at, 1);
    if (cr === -1 || (lf !== -1 && lf < cr)) return lf;
    // A CR that ends the chunk may be the first half of a CRLF.
    if (cr + 1 === this.text.length && !this.final) return -1;
    if (this.text.charCodeAt(cr + 1) === LF) this.breakLength = 2;
    return cr;
  }

  private lf(at: number, breakLength: number): number {
    this.nextLf = this.search(this.nextLf, "\n", at);
    this.breakLength = breakLength;
    return Math.max(this.nextLf, -1);
  }

  private cr(at: number, breakLength: number): number {
    this.nextCr = this.search(this.nextCr, "\r", at);
    this.breakLength = breakLength;
    return Math.max(this.nextCr, -1);
  }

  /** Where `token` is next from `at`, given where it was found last (`found`): -2 when nowhere to the end of the text, so never searched again. */
  private search(found: number, token: string, at: number): number {
    if (found === -2 || found >= at) return found;
    const next = this.text.indexOf(token, at);
    return next === -1 ? -2 : next;
  }
}

/**
 * A copy of a long substring that does not keep its whole chunk alive: a field held for the
 * length of an import (a customer id in a map, a sampled row) would otherwise hold a megabyte.
 */
function flat(value: string): string {
  return value.length < SLICED_MIN_LENGTH ? value : (" " + value).slice(1);
}
