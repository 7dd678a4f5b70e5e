import { describe, expect, test } from "vitest";
import { csvCell, csvRow } from "@/lib/export/csv";
import { flattenJson } from "@/lib/export/flattenJson";
import { exportFileName } from "@/lib/export/stream";

describe("csv cells", () => {
  test.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1-555-0100", "'+1-555-0100"],
    ["-3.5", "'-3.5"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\r=1", "\"'\r=1\""],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])("text that a spreadsheet would run as a formula is neutralised: %j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [" =1+1", "' =1+1"],
    ['\u00a0=HYPERLINK("http://x")', '"\'\u00a0=HYPERLINK(""http://x"")"'],
    ["  +1", "'  +1"],
    ["\u00a0-2", "'\u00a0-2"],
    ["\u3000@SUM(A1)", "'\u3000@SUM(A1)"],
    ["\u200b=1", "'\u200b=1"],
    [" \t\u00a0\u2003=1", "' \t\u00a0\u2003=1"],
    ["\n=1", "\"'\n=1\""],
  ])("blanks before a formula sign do not hide it: %j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [" a = b", '" a = b"'],
    ["x=1", "x=1"],
    ["\u00a0plain", "\u00a0plain"],
  ])("text with a formula sign after other text stays as it is: %j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [-3.5, "-3.5"],
    [0, "0"],
    [1e-7, "1e-7"],
    [42, "42"],
    [Number.NaN, ""],
    [null, ""],
    [undefined, ""],
    [true, "1"],
  ])("numbers stay numbers and missing values are empty: %j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [" padded", '" padded"'],
    ["Ünïcødé", "Ünïcødé"],
  ])("text is quoted only when it must be: %j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("a row joins its cells with commas and ends with CRLF", () => {
    expect(csvRow(["id-1", -2, null, "=1+1", "x,y"])).toBe("id-1,-2,,'=1+1,\"x,y\"\r\n");
  });

  test("an export's file name carries what, the run id and the day", () => {
    expect(exportFileName("segment-3", 12, new Date("2026-11-29T21:00:00Z"))).toBe("segment-3-run12-2026-11-29.csv");
  });
});

describe("flattening a run's metrics", () => {
  test("objects become dotted paths and self-named array items use their name", () => {
    const drift = { share: 0.25, features: [{ feature: "Income", psi: 0.31 }, { feature: "Age", psi: 0.02 }], notes: ["a", null] };
    expect(flattenJson(drift)).toEqual([
      ["share", 0.25],
      ["features.Income.feature", "Income"],
      ["features.Income.psi", 0.31],
      ["features.Age.feature", "Age"],
      ["features.Age.psi", 0.02],
      ["notes.0", "a"],
      ["notes.1", null],
    ]);
    expect(flattenJson(null)).toEqual([]);
  });
});
