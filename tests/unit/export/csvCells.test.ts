import { describe, expect, test } from "vitest";
import { csvCell, csvProbability, csvRow, plainNumber } from "@/lib/export/csvCells";
import { flattenJson } from "@/lib/export/flattenJson";

describe("csv cells", () => {
  test.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1-555-0100", "'+1-555-0100"],
    ["-3.5", "'-3.5"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\r=1", '"\'\r=1"'],
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
    ["\n=1", '"\'\n=1"'],
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
    [1e-7, "0.0000001"],
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
    expect(csvRow(["id-1", -2, null, "=1+1", "x,y"])).toBe('id-1,-2,,\'=1+1,"x,y"\r\n');
  });

  test.each([
    [1.239617056476439e-7, "0.0000001239617056476439"],
    [-2.5e-9, "-0.0000000025"],
    [1e21, "1000000000000000000000"],
    [-1.5e22, "-15000000000000000000000"],
    [123.456, "123.456"],
    [0.000001, "0.000001"],
  ])("numbers are written in plain decimals, every digit kept: %j → %j", (input, expected) => {
    expect(plainNumber(input)).toBe(expected);
    expect(Number(plainNumber(input))).toBe(input);
  });

  test.each([
    [1.239617056476439e-7, "0.0000"],
    [0.123456, "0.1235"],
    [0.5, "0.5000"],
    [1, "1.0000"],
    [0, "0.0000"],
    [null, ""],
    [Number.NaN, ""],
  ])("a probability has 4 decimals in fixed notation: %j → %j", (input, expected) => {
    expect(csvProbability(input)).toBe(expected);
  });
});

describe("flattening a run's metrics", () => {
  test("objects become dotted paths and self-named array items use their name", () => {
    const drift = {
      share: 0.25,
      features: [
        { feature: "Income", psi: 0.31 },
        { feature: "Age", psi: 0.02 },
      ],
      notes: ["a", null],
    };
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
