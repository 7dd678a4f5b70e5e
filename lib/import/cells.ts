/**
 * zod schemas for single CSV cells, and for rows of them (cellRow). Every cell arrives as a
 * string; surrounding spaces are ignored and an empty cell is a missing value: null where the
 * column is optional, an error where it is required. Plausibility (a birth year of 1893, a
 * negative amount) is not judged here but in the quality report.
 */
import { z } from "zod";
import { looksLikeDate } from "./dates";

const WHOLE = /^[+-]?\d+$/;
/** Dot decimals, or a comma with one or two decimals as spreadsheets write them in many locales. */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/;

/** A trimmed, non-empty cell's value, or the message that says why the cell is wrong. */
type Convert<T> = (value: string) => T | Invalid;

export class Invalid {
  constructor(readonly message: string) {}
}

const wholeNumber: Convert<number> = (value) => (WHOLE.test(value) ? Number(value) : new Invalid("not a whole number"));
const decimal: Convert<number> = (value) => {
  if (DECIMAL.test(value)) return Number(value);
  if (DECIMAL_COMMA.test(value)) return Number(value.replace(",", "."));
  return new Invalid("not a number (write 1234.5, no thousands separators)");
};
const flag: Convert<number> = (value) => (value === "0" ? 0 : value === "1" ? 1 : new Invalid("not 0 or 1"));
/** Kept as text: whether 04/09 is April or September is decided once for the whole column. */
const dateText: Convert<string> = (value) => (looksLikeDate(value) ? value : new Invalid("not a date (expected e.g. 31/12/2014 or 2014-12-31)"));
const longest =
  (max: number, message: string): Convert<string> =>
  (value) =>
    value.length > max ? new Invalid(message) : value;

/** A cell's schema, which can also read a cell without zod: the value, or why it is wrong. */
export type CellSchema<T> = z.ZodType<T> & { readonly read: (value: unknown) => T | Invalid };

const MISSING = new Invalid("missing value");
const NOT_TEXT = new Invalid("not text");

/**
 * One step per cell: trimming, the empty check and the conversion in a single preprocess (a
 * chain of zod steps — preprocess, nullable, string, regex, transform — took half as long again).
 * The preprocess, not a transform, so that a column absent from the file still reaches it.
 */
function cell<T>(convert: Convert<T>, required: true): CellSchema<T>;
function cell<T>(convert: Convert<T>, required: false): CellSchema<T | null>;
function cell<T>(convert: Convert<T>, required: boolean): CellSchema<T | null> {
  const read = (value: unknown): T | null | Invalid => {
    const trimmed = typeof value === "string" ? value.trim() : value;
    if (trimmed === undefined || trimmed === null || trimmed === "") return required ? MISSING : null;
    return typeof trimmed === "string" ? convert(trimmed) : NOT_TEXT;
  };
  const schema = z.preprocess((value, context) => {
    const converted = read(value);
    if (!(converted instanceof Invalid)) return converted;
    context.addIssue({ code: "custom", message: converted.message });
    return z.NEVER;
  }, z.custom<T | null>());
  return Object.assign(schema, { read });
}

export const cells = {
  id: cell(longest(100, "the id is longer than 100 characters"), true),
  int: cell(wholeNumber, false),
  number: cell(decimal, false),
  requiredNumber: cell(decimal, true),
  flag: cell(flag, false),
  text: cell(longest(200, "longer than 200 characters"), false),
  date: cell(dateText, false),
  requiredDate: cell(dateText, true),
};

type RowOf<S extends Record<string, CellSchema<unknown>>> = { [F in keyof S]: z.output<S[F]> };

/**
 * A row's schema from its cells' schemas (field → cell), as one zod step: each cell is read
 * without zod's objects, and every wrong cell is an issue whose path is its field. A z.object of
 * the cells' schemas made zod allocate about 220 bytes a cell, 100 of the 222 MB a first import
 * of 10,000 profiles allocated (139 MB with this), and the collector's time with it.
 */
export function cellRow<S extends Record<string, CellSchema<unknown>>>(shape: S): z.ZodType<RowOf<S>> {
  const fields = Object.keys(shape);
  const readers = fields.map((field) => shape[field].read);
  return z.preprocess((input, context) => {
    const cellsOf = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    let valid = true;
    for (let i = 0; i < fields.length; i++) {
      const value = readers[i](cellsOf[fields[i]]);
      if (!(value instanceof Invalid)) row[fields[i]] = value;
      else {
        valid = false;
        context.addIssue({ code: "custom", message: value.message, path: [fields[i]] });
      }
    }
    return valid ? row : z.NEVER;
  }, z.custom<RowOf<S>>());
}
