/**
 * CSV cells and rows (RFC 4180, CRLF line ends), safe to open in a spreadsheet: a text cell
 * beginning with =, +, -, @, tab or carriage return would run as a formula, so it gets a
 * leading single quote (OWASP's advice); so does one where blanks (spaces, NBSP, other
 * Unicode spaces, zero-width characters) come before =, +, - or @, since spreadsheets skip
 * them. Numbers are written as numbers, so -3.5 stays -3.5, and in plain decimals: a
 * spreadsheet or a reader expecting decimals may take 1.2e-7 for text.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** Tab or CR first, or = + - @ after any blanks: a spreadsheet runs such a cell as a formula. */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060\u180e]*[=+\-@])/;

const startsLikeFormula = (text: string) => FORMULA_START.test(text);

const isSpace = (code: number) => code === 32 || code === 9;

/** The shortest digits that read back as the number (like String), never in e-notation: 1.5e-7 → "0.00000015". */
export function plainNumber(value: number): string {
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const sign = value < 0 ? "-" : "";
  const [whole, fraction = ""] = text.slice(sign.length, e).split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return point >= digits.length ? `${sign}${digits}${"0".repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A probability to 4 decimals in fixed notation ("0.0000" for a tiny one); empty when missing. */
export function csvProbability(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(4) : "";
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? plainNumber(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString();
  const text = startsLikeFormula(value) ? `'${value}` : value;
  // Leading or trailing blanks are quoted so no reader trims them.
  const quote = NEEDS_QUOTES.test(text) || isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1));
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  let row = values.length ? csvCell(values[0]) : "";
  for (let i = 1; i < values.length; i++) row += `,${csvCell(values[i])}`;
  return `${row}\r\n`;
}
