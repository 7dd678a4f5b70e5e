/**
 * zod schemas for single CSV cells. Every cell arrives as a string; surrounding spaces are
 * ignored and an empty cell is a missing value: null where the column is optional, an error
 * where it is required. Plausibility (a birth year of 1893, a negative amount) is not judged
 * here but in the quality report.
 */
import { z } from "zod";
import { looksLikeDate } from "./dates";

const WHOLE = /^[+-]?\d+$/;
/** Dot decimals, or a comma with one or two decimals as spreadsheets write them in many locales. */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/;

const text = z.string({ error: (issue) => (issue.input === undefined ? "missing value" : "not text") });

const wholeNumber = text.regex(WHOLE, "not a whole number").transform(Number);
const decimal = text
  .refine((value) => DECIMAL.test(value) || DECIMAL_COMMA.test(value), "not a number (write 1234.5, no thousands separators)")
  .transform((value) => Number(value.replace(",", ".")));
const flag = text.regex(/^[01]$/, "not 0 or 1").transform(Number);
/** Kept as text: whether 04/09 is April or September is decided once for the whole column. */
const dateText = text.refine(looksLikeDate, "not a date (expected e.g. 31/12/2014 or 2014-12-31)");
const label = text.max(200, "longer than 200 characters");

function trim(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    const trimmed = trim(value);
    return trimmed === "" || trimmed === undefined ? null : trimmed;
  }, schema.nullable());
}

function required<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    const trimmed = trim(value);
    return trimmed === "" ? undefined : trimmed;
  }, schema);
}

export const cells = {
  id: required(text.max(100, "the id is longer than 100 characters")),
  int: optional(wholeNumber),
  number: optional(decimal),
  requiredNumber: required(decimal),
  flag: optional(flag),
  text: optional(label),
  date: optional(dateText),
  requiredDate: required(dateText),
};
