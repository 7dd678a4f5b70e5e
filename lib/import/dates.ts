/**
 * Dates as customer and shop-system files write them: DD/MM/YYYY, DD-MM-YYYY, M/D/YYYY H:MM
 * (e.g. `2/24/2003 0:00`), YYYY-MM-DD with an optional time, and YYYYMMDD; read as UTC.
 *
 * Day-first or month-first is decided once per column, never per value: a value whose first
 * number is above 12 proves day-first, one whose second number is above 12 proves
 * month-first, and the side with more such values wins (the others then fail as invalid
 * dates and are reported). When no value settles it, the column is ambiguous and the file is
 * refused until the user says which order it uses: 04/09/2012 is never guessed.
 * Year-first dates are never ambiguous.
 */
import { ImportError } from "./errors";

/** The order of day and month in dates whose year comes last. */
export type DayMonthOrder = "dmy" | "mdy";

export interface DateFormat {
  order: DayMonthOrder;
  /** As shown to the user, e.g. "DD/MM/YYYY" or "M/D/YYYY H:MM". */
  label: string;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?`;
/** A separated date (year first or last) with an optional time; the groups are read by `parseDate`. */
export const DATE_PATTERN = new RegExp(String.raw`^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})${TIME}$`);
/** YYYYMMDD, as databases and some exports write dates. */
const COMPACT_PATTERN = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`);

/** Whether a value has the shape of a date in any supported format (not yet whether it is a real one). */
export function looksLikeDate(value: string): boolean {
  return DATE_PATTERN.test(value) || COMPACT_PATTERN.test(value);
}

interface Parts {
  /** Year, month and day for year-first dates; for year-last ones the first two numbers and the year. */
  numbers: [number, number, number];
  yearFirst: boolean;
  compact: boolean;
  separator: string;
  time: [number, number, number] | null;
}

function splitDateParts(value: string): Parts | null {
  const compact = COMPACT_PATTERN.exec(value);
  if (compact) {
    return {
      numbers: [Number(compact[1]), Number(compact[2]), Number(compact[3])],
      yearFirst: true,
      compact: true,
      separator: "",
      time: parseTimeOfDay(compact, 4),
    };
  }
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const yearFirst = match[1].length === 4;
  if (!yearFirst && match[4].length !== 4) return null;
  if (yearFirst && match[4].length > 2) return null;
  return {
    numbers: [Number(match[1]), Number(match[3]), Number(match[4])],
    yearFirst,
    compact: false,
    separator: match[2],
    time: parseTimeOfDay(match, 5),
  };
}

function parseTimeOfDay(match: RegExpExecArray, first: number): [number, number, number] | null {
  if (match[first] === undefined) return null;
  return [Number(match[first]), Number(match[first + 1]), Number(match[first + 2] ?? 0)];
}

/**
 * The format of a date column, from all its values; null when no value looks like a date.
 * `forced` is the user's explicit choice and wins over the evidence. Throws `ambiguous_dates`
 * when day-first and month-first both fit every value and nothing was forced.
 */
export function detectDateFormat(values: Iterable<string>, column: string, forced?: DayMonthOrder): DateFormat | null {
  const evidence = new DateEvidence();
  for (const value of values) evidence.add(value);
  return evidence.format(column, forced);
}

/** What a date column's values say about its format, gathered value by value (counts only). */
export class DateEvidence {
  private dayFirst = 0;
  private monthFirst = 0;
  private yearFirst = 0;
  private compact = 0;
  private yearLast = 0;
  private withTime = 0;
  private example: string | undefined;
  private readonly separators = new Map<string, number>();

  add(value: string): void {
    const parts = splitDateParts(value);
    if (!parts) return;
    if (parts.time) this.withTime++;
    if (parts.yearFirst) {
      if (parts.compact) this.compact++;
      else this.yearFirst++;
      return;
    }
    this.yearLast++;
    this.example ??= value;
    this.separators.set(parts.separator, (this.separators.get(parts.separator) ?? 0) + 1);
    const [first, second] = parts.numbers;
    if (first > 12 && second <= 12) this.dayFirst++;
    if (second > 12 && first <= 12) this.monthFirst++;
  }

  /** As detectDateFormat. */
  format(column: string, forced?: DayMonthOrder): DateFormat | null {
    const { dayFirst, monthFirst, yearFirst, compact, yearLast, withTime } = this;
    const total = yearFirst + compact + yearLast;
    if (total === 0) return null;
    const time = withTime * 2 > total ? " H:MM" : "";
    if (yearLast === 0) return { order: forced ?? "dmy", label: (compact > yearFirst ? "YYYYMMDD" : "YYYY-MM-DD") + time };
    const evidence = dayFirst === monthFirst ? undefined : dayFirst > monthFirst ? "dmy" : "mdy";
    const order = forced ?? evidence;
    if (!order) throw ambiguousDates(column, this.example!, dayFirst);
    const separator = mostCommon(this.separators) ?? "/";
    const label = order === "dmy" ? ["DD", "MM", "YYYY"].join(separator) : ["M", "D", "YYYY"].join(separator);
    return { order, label: label + time };
  }
}

/** `evidence`: values that prove either order, as many each way (0 when none does). */
function ambiguousDates(column: string, example: string, evidence: number): ImportError {
  const why = evidence === 0 ? "no day or month in the column is above 12" : `${evidence} values are only valid day-first and as many only month-first`;
  return new ImportError(
    "ambiguous_dates",
    `the dates in column "${column}" can be read day-first or month-first (e.g. "${example}"): ${why}. ` +
      `Say which format the file uses: dmy (day/month/year) or mdy (month/day/year) — "Date format" on the upload page, --date-format on the command line`,
  );
}

/** The date (UTC) a value names in the given order, or null when it is not a real date. */
export function parseDate(value: string, order: DayMonthOrder): Date | null {
  const parts = splitDateParts(value);
  if (!parts) return null;
  const [a, b, c] = parts.numbers;
  const [year, month, day] = parts.yearFirst ? [a, b, c] : order === "dmy" ? [c, b, a] : [c, a, b];
  const [hours, minutes, seconds] = parts.time ?? [0, 0, 0];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Date.UTC rolls 31/02 over into March, and years below 100 into the 1900s; a real date keeps its parts.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** The message for a cell that does not parse as a date in the column's format. */
export function describeInvalidDate(format: DateFormat | null): string {
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
