/**
 * Custom profile attributes: columns of a customer file that match no field of the marketing
 * layout, kept per customer under their header name. A number stays a number; any other
 * non-empty value is a category; an empty cell is unknown and left out of the record.
 */
import type { CustomAttributes } from "@/lib/data/customer";
import { ImportError } from "./errors";
import type { ErrorLog } from "./rows";

/** At most this many custom columns per file, so a wide file cannot blow up memory or the JSON column. */
export const MAX_CUSTOM_COLUMNS = 50;
const MAX_LENGTH = 200;

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\d+,\d{1,2})$/;
/** "00123" is a code (a postcode, an account number), not the number 123. */
const CODE = /^[+-]?0\d/;

export interface CustomColumn {
  header: string;
  index: number;
}

/** Refuses a file with more custom columns than the cap, or one custom header twice. */
export function checkCustomColumns(columns: readonly CustomColumn[]): void {
  const seen = new Map<string, number>();
  for (const { header, index } of columns) {
    const first = seen.get(header);
    if (first !== undefined) throw new ImportError("bad_header", `column "${header}" appears twice (columns ${first + 1} and ${index + 1})`);
    seen.set(header, index);
  }
  if (columns.length <= MAX_CUSTOM_COLUMNS) return;
  const shown = columns
    .slice(0, 5)
    .map((column) => `"${column.header}"`)
    .join(", ");
  throw new ImportError(
    "too_many_columns",
    `the file has ${columns.length} columns that are not profile fields (${shown}, …); at most ${MAX_CUSTOM_COLUMNS} are kept as custom attributes. Remove the columns you do not need and import it again`,
  );
}

/** A cell as an attribute value: null for an empty cell. */
export function parseAttributeValue(cell: string): number | string | null {
  const text = cell.trim();
  if (text === "") return null;
  if (NUMBER.test(text) && !CODE.test(text)) return Number(text.replace(",", "."));
  return text;
}

/**
 * The custom attributes of one row, or null when every custom cell is empty; logs cells that
 * are too long and returns undefined for such a row.
 */
export function readAttributes(columns: readonly CustomColumn[], cells: readonly string[], row: number, log: ErrorLog): CustomAttributes | null | undefined {
  const entries: [string, number | string][] = [];
  let valid = true;
  for (const { header, index } of columns) {
    const value = parseAttributeValue(cells[index]);
    if (value === null) continue;
    if (typeof value === "string" && value.length > MAX_LENGTH) {
      log.add({ row, column: header, value: cells[index], message: `longer than ${MAX_LENGTH} characters` });
      valid = false;
      continue;
    }
    entries.push([header, value]);
  }
  if (!valid) return undefined;
  // fromEntries makes own properties even of a header named "__proto__".
  return entries.length ? Object.fromEntries(entries) : null;
}
