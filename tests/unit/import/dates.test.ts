import { describe, expect, test } from "vitest";
import { detectDateFormat, parseDate } from "@/lib/import/dates";

describe("detectDateFormat", () => {
  test.each([
    ["day-first slashes, settled by a day > 12", ["04/09/2012", "21/08/2013"], "mdy", { order: "dmy", label: "DD/MM/YYYY" }],
    ["day-first dashes", ["04-09-2012", "13-11-2012"], "mdy", { order: "dmy", label: "DD-MM-YYYY" }],
    ["ISO dates", ["2012-09-04", "2013-08-21"], "dmy", { order: "dmy", label: "YYYY-MM-DD" }],
    ["shop-system dates with time, settled by a day > 12", ["2/24/2003 0:00", "5/7/2003 0:00"], "dmy", { order: "mdy", label: "M/D/YYYY H:MM" }],
    ["ambiguous slashes in a customer file", ["04/09/2012", "01/02/2013"], "dmy", { order: "dmy", label: "DD/MM/YYYY" }],
    ["ambiguous slashes in an order file", ["04/09/2012 10:30", "01/02/2013 8:05"], "mdy", { order: "mdy", label: "M/D/YYYY H:MM" }],
    ["ambiguous dashes in an order file (month-first is written with slashes)", ["04-09-2012", "01-02-2013"], "mdy", { order: "dmy", label: "DD-MM-YYYY" }],
    ["mostly day-first evidence against a stray month-first value", ["13/01/2012", "14/01/2012", "01/13/2012"], "mdy", { order: "dmy", label: "DD/MM/YYYY" }],
  ] as const)("reads %s", (_name, values, fallback, expected) => {
    expect(detectDateFormat(values, fallback)).toEqual(expected);
  });

  test("follows the user's explicit order over the evidence", () => {
    expect(detectDateFormat(["04/09/2012"], "dmy", "mdy")).toEqual({ order: "mdy", label: "M/D/YYYY" });
  });

  test("gives no format when no value is a date", () => {
    expect(detectDateFormat(["soon", "2012"], "dmy")).toBeNull();
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
  ] as const)("reads %s (%s) as %s", (value, order, iso) => {
    expect(parseDate(value, order)?.toISOString()).toBe(iso);
  });

  test.each([
    ["31/02/2013", "dmy", "a day the month does not have"],
    ["2/24/2003", "dmy", "month 24"],
    ["29/02/2013", "dmy", "29 February outside a leap year"],
    ["04/09/12", "dmy", "a two-digit year"],
    ["2012-09-04 25:00", "dmy", "hour 25"],
    ["yesterday", "dmy", "words"],
  ] as const)("refuses %s (%s: %s)", (value, order, _reason) => {
    expect(parseDate(value, order)).toBeNull();
  });
});
