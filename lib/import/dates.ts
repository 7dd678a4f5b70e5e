/**
 * Dates as customer and shop-system files write them: DD/MM/YYYY, DD-MM-YYYY, YYYY-MM-DD
 * and M/D/YYYY H:MM (e.g. `2/24/2003 0:00`), read as UTC.
 *
 * Day-first or month-first is decided once per column, never per value:
 * 1. a value whose first number is above 12 proves day-first, one whose second number is
 *    above 12 proves month-first; the side with more such values wins (the others then fail
 *    as invalid dates and are reported);
 * 2. when no value settles it, dates written with `-` or `.` are day-first (month-first
 *    dates are written with slashes), and slashed dates follow the kind of file: customer
 *    files day-first (the marketing-campaign export), shop-system order files month-first.
 * Year-first dates (YYYY-MM-DD) are never ambiguous.
 */

/** The order of day and month in dates whose year comes last. */
export type DayMonthOrder = "dmy" | "mdy";

export interface DateFormat {
  order: DayMonthOrder;
  /** As shown to the user, e.g. "DD/MM/YYYY" or "M/D/YYYY H:MM". */
  label: string;
}

/** A date in any supported shape, with an optional time; the groups are read by `parseDate`. */
export const DATE_PATTERN = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

interface Shape {
  /** The first two numbers; only read for year-last dates. */
  first: number;
  second: number;
  yearFirst: boolean;
  separator: string;
  hasTime: boolean;
}

function shapeOf(value: string): Shape | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const yearFirst = match[1].length === 4;
  if (!yearFirst && match[4].length !== 4) return null;
  return {
    first: Number(match[1]),
    second: Number(match[3]),
    yearFirst,
    separator: match[2],
    hasTime: match[5] !== undefined,
  };
}

/**
 * The format of a date column, from all its values; null when no value looks like a date.
 * `forced` is the user's explicit choice and wins over the evidence.
 */
export function detectDateFormat(
  values: Iterable<string>,
  fallback: DayMonthOrder,
  forced?: DayMonthOrder,
): DateFormat | null {
  let dayFirst = 0;
  let monthFirst = 0;
  let yearFirst = 0;
  let yearLast = 0;
  let withTime = 0;
  const separators = new Map<string, number>();
  for (const value of values) {
    const shape = shapeOf(value);
    if (!shape) continue;
    if (shape.hasTime) withTime++;
    if (shape.yearFirst) {
      yearFirst++;
      continue;
    }
    yearLast++;
    separators.set(shape.separator, (separators.get(shape.separator) ?? 0) + 1);
    if (shape.first > 12 && shape.second <= 12) dayFirst++;
    if (shape.second > 12 && shape.first <= 12) monthFirst++;
  }
  if (yearFirst + yearLast === 0) return null;
  const separator = mostCommon(separators) ?? "/";
  const evidence = dayFirst === monthFirst ? null : dayFirst > monthFirst ? "dmy" : "mdy";
  const order: DayMonthOrder = forced ?? evidence ?? (separator === "/" ? fallback : "dmy");
  const time = withTime * 2 > yearFirst + yearLast ? " H:MM" : "";
  if (yearFirst > yearLast) return { order, label: `YYYY-MM-DD${time}` };
  const label = order === "dmy" ? ["DD", "MM", "YYYY"].join(separator) : ["M", "D", "YYYY"].join(separator);
  return { order, label: label + time };
}

/** The date (UTC) a value names in the given order, or null when it is not a real date. */
export function parseDate(value: string, order: DayMonthOrder): Date | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  let year: number;
  let month: number;
  let day: number;
  if (match[1].length === 4) {
    [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  } else {
    if (match[4].length !== 4) return null;
    year = Number(match[4]);
    [day, month] = order === "dmy" ? [Number(match[1]), Number(match[3])] : [Number(match[3]), Number(match[1])];
  }
  const hours = Number(match[5] ?? 0);
  const minutes = Number(match[6] ?? 0);
  const seconds = Number(match[7] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Date.UTC rolls 31/02 over into March; a real date keeps its day and month.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** The message for a cell that does not parse as a date in the column's format. */
export function invalidDateMessage(format: DateFormat | null): string {
  return format ? `not a valid date in the column's format ${format.label}` : "not a date";
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}
