import { describe, expect, test } from "vitest";
import { z } from "zod";
import { cellRow, cells } from "@/lib/import/cells";

/** The value a cell parses to, or its one message. */
function parsed(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  expect(result.error.issues).toHaveLength(1);
  return { message: result.error.issues[0].message };
}

describe("cells", () => {
  test.each([
    ["int", cells.int, " 42 ", 42],
    ["int", cells.int, "-7", -7],
    ["int", cells.int, "+3", 3],
    ["int", cells.int, "1.5", { message: "not a whole number" }],
    ["int", cells.int, "", null],
    ["int", cells.int, undefined, null],
    ["number", cells.number, "1234.5", 1234.5],
    ["number", cells.number, "12,5", 12.5],
    ["number", cells.number, "-0,25", -0.25],
    ["number", cells.number, "1,234.50", { message: "not a number (write 1234.5, no thousands separators)" }],
    ["number", cells.number, "12,345", { message: "not a number (write 1234.5, no thousands separators)" }],
    ["number", cells.number, "   ", null],
    ["requiredNumber", cells.requiredNumber, "0", 0],
    ["requiredNumber", cells.requiredNumber, " ", { message: "missing value" }],
    ["requiredNumber", cells.requiredNumber, undefined, { message: "missing value" }],
    ["flag", cells.flag, "1", 1],
    ["flag", cells.flag, " 0", 0],
    ["flag", cells.flag, "yes", { message: "not 0 or 1" }],
    ["flag", cells.flag, "01", { message: "not 0 or 1" }],
    ["text", cells.text, "  Graduation ", "Graduation"],
    ["text", cells.text, "x".repeat(200), "x".repeat(200)],
    ["text", cells.text, "x".repeat(201), { message: "longer than 200 characters" }],
    ["text", cells.text, 5, { message: "not text" }],
    ["id", cells.id, " 5524 ", "5524"],
    ["id", cells.id, "", { message: "missing value" }],
    ["id", cells.id, "x".repeat(101), { message: "the id is longer than 100 characters" }],
    ["date", cells.date, "04/09/2012", "04/09/2012"],
    ["date", cells.date, "20120904", "20120904"],
    ["date", cells.date, "yesterday", { message: "not a date (expected e.g. 31/12/2014 or 2014-12-31)" }],
    ["date", cells.date, "", null],
    ["requiredDate", cells.requiredDate, "", { message: "missing value" }],
  ])("%s %j → %j", (_kind, schema, input, expected) => {
    expect(parsed(schema, input)).toEqual(expected);
  });

  test("in a row, a column absent from the file is null when optional and missing when required, and each issue names its field", () => {
    const row = cellRow({ id: cells.id, income: cells.number, kids: cells.int });
    expect(row.safeParse({ id: "1" })).toEqual({ success: true, data: { id: "1", income: null, kids: null } });
    const result = row.safeParse({ income: "lots", kids: "2" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["id"], "missing value"],
      [["income"], "not a number (write 1234.5, no thousands separators)"],
    ]);
  });

  test("a row reads as a z.object of the same cells does: the same values, or the same issues in the same order", () => {
    const shape = { id: cells.id, born: cells.int, income: cells.number, joined: cells.requiredDate, vip: cells.flag, city: cells.text };
    const rows: Record<string, unknown>[] = [
      { id: " 7 ", born: "1970", income: "12,5", joined: "2014-12-31", vip: "1", city: "Porto" },
      { id: "8", joined: "31/12/2014" },
      { born: "19.5", income: "1,234.50", joined: "", vip: "yes", city: "x".repeat(201) },
      { id: "9", born: 1970, joined: "soon" },
      {},
    ];
    const expected = z.object(shape);
    for (const input of rows) {
      const ours = cellRow(shape).safeParse(input);
      const theirs = expected.safeParse(input);
      expect(ours.success).toBe(theirs.success);
      if (theirs.success) expect(ours.data).toEqual(theirs.data);
      else expect(ours.error?.issues.map((issue) => [issue.path, issue.message])).toEqual(theirs.error.issues.map((issue) => [issue.path, issue.message]));
    }
  });
});
