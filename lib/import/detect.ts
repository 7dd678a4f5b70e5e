/**
 * What kind of text a file holds, judged from its first bytes: binary or text, which
 * encoding, and which field separator.
 */
import { ImportError } from "./errors";

/** How much of the file the checks look at. */
export const SAMPLE_BYTES = 64 * 1024;

export type Encoding = "utf-8" | "windows-1252";
export type Separator = ";" | "\t" | ",";

export const SEPARATORS: readonly Separator[] = [";", "\t", ","];

/**
 * UTF-8 unless the sample looks like windows-1252 throughout: windows-1252 (Latin-1's
 * superset) when it holds more bytes that cannot be UTF-8 than valid multi-byte UTF-8
 * characters. So a UTF-8 file with a stray bad byte stays UTF-8 (the byte is replaced and
 * reported), while Latin-1 text, whose accents are never valid UTF-8 sequences, is read as
 * such. A sample with no non-ASCII byte counts as UTF-8; a character cut at its end counts
 * neither way, unless the sample is the end of the file (`atEnd`): then it is invalid.
 */
export function detectEncoding(sample: Uint8Array, atEnd = false): Encoding {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length;) {
    if (sample[i] < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(sample[i]);
    if (length === 0) {
      invalid++;
      i++;
      continue;
    }
    let continued = 1;
    while (continued < length && i + continued < sample.length && (sample[i + continued] & 0xc0) === 0x80) continued++;
    if (continued === length) valid++;
    else if (atEnd || i + continued < sample.length) invalid++;
    i += continued === length ? length : 1;
  }
  return invalid > valid ? "windows-1252" : "utf-8";
}

/** Bytes in the UTF-8 sequence a lead byte starts; 0 for a byte no sequence starts with. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Refuses binary content (NUL bytes or many control characters) and UTF-16 text. */
export function assertTextContent(sample: Uint8Array): void {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new ImportError("unsupported_encoding", "the file is UTF-16 text; save it as CSV in UTF-8 (or Latin-1) and import it again");
  }
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) throw new ImportError("binary", `binary content, not a CSV file${binaryHint(sample)}`);
    if (isControl(byte)) controls++;
  }
  // Text files have next to no control characters besides tab and line breaks.
  if (sample.length > 0 && controls / sample.length > 0.05) {
    throw new ImportError("binary", `binary content, not a CSV file${binaryHint(sample)}`);
  }
}

/**
 * The separator among `;`, tab and `,` that splits the header into the most columns and
 * gives the same count on the following lines; counts ignore separators inside quotes.
 * A header with none of them is one column (returned as `,`).
 */
export function detectSeparator(sampleText: string): Separator {
  const lines = firstLines(sampleText, 20);
  let best: Separator = ",";
  let bestScore = 0;
  for (const separator of SEPARATORS) {
    const counts = lines.map((line) => countOutsideQuotes(line, separator));
    const headerCount = counts[0] ?? 0;
    if (headerCount === 0) continue;
    const consistent = counts.slice(1).filter((count) => count === headerCount).length;
    // Consistency across lines outweighs the raw count: a comma in a name is not a separator.
    const score = consistent * 1000 + headerCount;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Complete lines from the start of the text (the last, possibly cut, line is dropped when there are others). */
function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === "\n" && !inQuotes) {
      lines.push(text.slice(start, i).replace(/\r$/, ""));
      start = i + 1;
    }
  }
  if (lines.length === 0) lines.push(text);
  return lines.filter((line) => line.trim() !== "");
}

function countOutsideQuotes(line: string, separator: Separator): number {
  let count = 0;
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === separator && !inQuotes) count++;
  }
  return count;
}

function isControl(byte: number): boolean {
  const allowed = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1a;
  return (byte < 0x20 && !allowed) || byte === 0x7f;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function binaryHint(sample: Uint8Array): string {
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return " (it looks like an .xlsx or .zip file; export the sheet as CSV)";
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])) return " (it looks like an .xls file; export the sheet as CSV)";
  return "";
}
