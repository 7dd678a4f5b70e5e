import { describe, expect, test } from "vitest";
import { ImportError } from "@/lib/import";
import { detectDateFormat, parseDate } from "@/lib/import/dates";

describe("detectDateFormat", () => {
  test.each([
    ["day-first slashes, settled by a day > 12", ["04/09/2012", "21/08/2013"], { order: "dmy", label: "DD/MM/YYYY" }],
    ["day-first dashes", ["04-09-2012", "13-11-2012"], { order: "dmy", label: "DD-MM-YYYY" }],
    ["ISO dates", ["2012-09-04", "2013-08-21"], { order: "dmy", label: "YYYY-MM-DD" }],
    ["ISO dates with a time", ["2012-09-04 10:30", "2013-08-21T08:05:00Z"], { order: "dmy", label: "YYYY-MM-DD H:MM" }],
    ["YYYYMMDD", ["20120904", "20130821"], { order: "dmy", label: "YYYYMMDD" }],
    ["shop-system dates with time, settled by a day > 12", ["2/24/2003 0:00", "5/7/2003 0:00"], { order: "mdy", label: "M/D/YYYY H:MM" }],
    ["mostly day-first evidence against a stray month-first value", ["13/01/2012", "14/01/2012", "01/13/2012"], { order: "dmy", label: "DD/MM/YYYY" }],
  ] as const)("reads %s", (_name, values, expected) => {
    expect(detectDateFormat(values, "Date")).toEqual(expected);
  });

  test.each([
    ["slashes", ["04/09/2012", "01/02/2013"]],
    ["dashes", ["04-09-2012", "01-02-2013"]],
    ["month-first times", ["1/2/2011 8:26", "12/1/2010 8:26"]],
    ["a tie between day-first and month-first evidence", ["13/01/2012", "01/13/2012"]],
  ] as const)("refuses ambiguous %s, naming the column and the choices", (_name, values) => {
    const error = (() => {
      try {
        detectDateFormat(values, "Dt_Customer");
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("ambiguous_dates");
    expect((error as ImportError).message).toContain('column "Dt_Customer"');
    expect((error as ImportError).message).toMatch(/dmy \(day\/month\/year\) or mdy \(month\/day\/year\)/);
    expect((error as ImportError).message).toContain("--date-format");
  });

  test("follows the user's explicit order over the evidence and for ambiguous dates", () => {
    expect(detectDateFormat(["04/09/2012"], "Date", "mdy")).toEqual({ order: "mdy", label: "M/D/YYYY" });
    expect(detectDateFormat(["04-09-2012", "01-02-2013"], "Date", "dmy")).toEqual({ order: "dmy", label: "DD-MM-YYYY" });
  });

  test("year-first dates need no choice even among ambiguous-looking ones", () => {
    expect(detectDateFormat(["2012-01-02", "20120203"], "Date")).toEqual({ order: "dmy", label: "YYYY-MM-DD" });
  });

  test("gives no format when no value is a date", () => {
    expect(detectDateFormat(["soon", "2012"], "Date")).toBeNull();
  });
});

describe("parseDate", () => {
  test.each([
    ["04/09/2012", "dmy", "2012-09-04T00:00:00.000Z"],
    ["04/09/2012", "mdy", "2012-04-09T00:00:00.000Z"],
    ["21-08-2013", "dmy", "2013-08-21T00:00:00.000Z"],
    ["2013-08-21", "mdy", "2013-08-21T00:00:00.000Z"],
    ["2/24/2003 0:00", "mdy", "2003-02-24T00:00:00.000Z"],
    ["12/1/2010 8:26", "mdy", "2010-12-01T08:26:00.000Z"],
    ["2014-06-29 23:59:59", "dmy", "2014-06-29T23:59:59.000Z"],
    ["2014-06-29T23:59:59.250Z", "dmy", "2014-06-29T23:59:59.000Z"],
    ["20140629", "dmy", "2014-06-29T00:00:00.000Z"],
    ["20140629", "mdy", "2014-06-29T00:00:00.000Z"],
  ] as const)("reads %s (%s) as %s", (value, order, iso) => {
    expect(parseDate(value, order)?.toISOString()).toBe(iso);
  });

  test.each([
    ["31/02/2013", "dmy", "a day the month does not have"],
    ["2/24/2003", "dmy", "month 24"],
    ["29/02/2013", "dmy", "29 February outside a leap year"],
    ["04/09/12", "dmy", "a two-digit year"],
    ["2012-09-04 25:00", "dmy", "hour 25"],
    ["20141329", "dmy", "month 13 in YYYYMMDD"],
    ["2014062", "dmy", "seven digits"],
    ["yesterday", "dmy", "words"],
  ] as const)("refuses %s (%s: %s)", (value, order, _reason) => {
    expect(parseDate(value, order)).toBeNull();
  });
});
