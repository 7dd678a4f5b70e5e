/**
 * CSV cells and rows (RFC 4180, CRLF line ends), safe to open in a spreadsheet: a text cell
 * beginning with =, +, -, @, tab or carriage return would run as a formula, so it gets a
 * leading single quote (OWASP's advice); so does one where blanks (spaces, NBSP, other
 * Unicode spaces, zero-width characters) come before =, +, - or @, since spreadsheets skip
 * them. Numbers are written as numbers, so -3.5 stays -3.5.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** Tab or CR first, or = + - @ after any blanks: a spreadsheet runs such a cell as a formula. */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060\u180e]*[=+\-@])/;

const startsLikeFormula = (text: string) => FORMULA_START.test(text);

const isSpace = (code: number) => code === 32 || code === 9;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
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
