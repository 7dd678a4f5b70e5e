import { expect, test } from "vitest";
import { readFindings } from "@/lib/import/quality";

test("a batch's stored quality report gives its findings", () => {
  expect(readFindings({ rows: 12, findings: ["2 duplicate rows", "Income missing in 3 rows"], missing: [] })).toEqual([
    "2 duplicate rows",
    "Income missing in 3 rows",
  ]);
});

test("a batch without a report, or with findings of the wrong shape, has none", () => {
  expect(readFindings(null)).toEqual([]);
  expect(readFindings({ rows: 12 })).toEqual([]);
  expect(readFindings({ findings: "2 duplicate rows" })).toEqual([]);
  expect(readFindings({ findings: [3] })).toEqual([]);
});
