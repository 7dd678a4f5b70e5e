import { describe, expect, test } from "vitest";
import { parseCustomers, readCustomersFile } from "@/lib/import";
import { findDuplicateRows, computeUpperFence } from "@/lib/import/qualityChecks";
import { CUSTOMER_HEADER, CUSTOMER_LINES } from "./fixtures";

const REAL_FILE = "../shared/data/marketing_campaign.csv";

describe("the quality report on the real marketing-campaign file", async () => {
  const result = await readCustomersFile(REAL_FILE);
  const { quality } = result;

  test("reads all 2,240 rows without errors", () => {
    expect(result.rowsRead).toBe(2240);
    expect(result.records).toHaveLength(2240);
    expect(result.errorCount).toBe(0);
    expect(result.separator).toBe(";");
    expect(result.dateFormat).toBe("DD/MM/YYYY");
    expect(quality.rows).toBe(2240);
  });

  test("counts the 24 missing incomes", () => {
    expect(quality.missing.find((m) => m.column === "Income")).toEqual({ column: "Income", count: 24, share: 24 / 2240 });
    expect(quality.missing.filter((m) => m.count > 0).map((m) => m.column)).toEqual(["Income"]);
  });

  test("flags the birth years 1893, 1899 and 1900", () => {
    const old = quality.outOfRange.find((c) => c.column === "Year_Birth" && c.rule === "born in 1900 or earlier");
    expect(old?.count).toBe(3);
    expect(old?.examples.map((e) => e.value).sort()).toEqual([1893, 1899, 1900]);
  });

  test("flags the income of 666,666 and nothing else as far out", () => {
    const far = quality.outOfRange.filter((c) => c.column === "Income");
    expect(far).toHaveLength(1);
    expect(far[0].examples.map((e) => e.value)).toEqual([666_666]);
  });

  test("lists the unknown marital statuses with counts, and no unknown education (2n Cycle is known)", () => {
    expect(quality.unknownCategories).toEqual([
      {
        column: "Marital_Status",
        values: [
          { value: "Alone", count: 3 },
          { value: "Absurd", count: 2 },
          { value: "YOLO", count: 2 },
        ],
      },
    ]);
  });

  test("counts the 182 rows that repeat another row but for the ID (176 groups)", () => {
    expect(quality.duplicateRows.count).toBe(182);
    expect(quality.duplicateRows.groups).toBe(176);
  });

  test("says so in findings", () => {
    expect(quality.findings).toEqual([
      "Income: 24 of 2,240 values missing (1.1%)",
      "Year_Birth: 3 rows born in 1900 or earlier: 1900 (row 194), 1893 (row 241), 1899 (row 341)",
      expect.stringMatching(/^Income: 1 row far above the rest \(over Q3 \+ 3·IQR = [\d,]+\): 666,666 \(row 2235\)$/),
      "Marital_Status: unknown values Alone (3), Absurd (2), YOLO (2)",
      "182 rows repeat an earlier row in every column but the ID",
    ]);
  });
});

describe("quality checks on hand-made data", () => {
  test.each([
    // Quartiles by linear interpolation: [1, 2, 3, 4, 100] → Q1 = 2, Q3 = 4, fence 4 + 3·2 = 10.
    [[1, 2, 3, 4, 100], 10],
    // [10, 20, 30, 40] → Q1 = 17.5, Q3 = 32.5, fence 32.5 + 45 = 77.5.
    [[40, 10, 30, 20], 77.5],
    [[1, 2, 3], null],
  ])("upper fence of %j is %s", (values, fence) => {
    expect(computeUpperFence(values)).toBe(fence);
  });

  test("finds rows equal in every given column, with their row numbers", () => {
    const rows = [
      ["a", 1, null],
      ["b", 1, null],
      ["a", 1, null],
      ["a", 1, 0],
      ["a", 1, null],
    ];
    const columns = [0, 1, 2].map((c) => (i: number) => rows[i][c]);
    expect(findDuplicateRows(rows.length, columns, [2, 3, 4, 5, 6])).toEqual({ count: 2, groups: 1, examples: [[2, 4, 6]] });
  });
});

describe("quality checks on the hand-made customer file", () => {
  test("flags negative amounts, a birth after enrolment and unknown categories", async () => {
    const lines = [
      CUSTOMER_LINES[0].replace(";800;", ";-5;"),
      CUSTOMER_LINES[1].replace(";1985;Basic;Single;", ";2015;PhD;YOLO;"),
      CUSTOMER_LINES[2].replace(";2n Cycle;", ";Bachelor;"),
    ];
    const { quality } = await parseCustomers(Buffer.from([CUSTOMER_HEADER, ...lines].join("\n")));
    expect(quality.outOfRange).toEqual([
      { column: "Year_Birth", rule: "born after enrolling", count: 1, examples: [{ row: 3, value: 2015 }] },
      { column: "MntWines", rule: "negative", count: 1, examples: [{ row: 2, value: -5 }] },
    ]);
    expect(quality.unknownCategories).toEqual([
      { column: "Education", values: [{ value: "Bachelor", count: 1 }] },
      { column: "Marital_Status", values: [{ value: "YOLO", count: 1 }] },
    ]);
    expect(quality.missing.find((m) => m.column === "Income")).toEqual({ column: "Income", count: 1, share: 1 / 3 });
    expect(quality.duplicateRows).toEqual({ count: 0, groups: 0, examples: [] });
  });
});
