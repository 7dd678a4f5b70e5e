import { describe, expect, test } from "vitest";
import { collapseRefusedAttempts } from "@/lib/import/history";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 15, minute));
const batch = (id: number, fileName: string, status: "SUCCEEDED" | "REJECTED", kind = "CUSTOMERS") => ({ id, fileName, status, kind, createdAt: at(id) });

describe("collapseRefusedAttempts", () => {
  // Newest first, as Recent imports lists them.
  const history = [
    batch(9, "a.csv", "SUCCEEDED"),
    batch(8, "a.csv", "REJECTED"),
    batch(7, "a.csv", "REJECTED"),
    batch(6, "a.csv", "REJECTED"),
    batch(5, "a.csv", "REJECTED", "ORDERS"),
    batch(4, "b.csv", "REJECTED"),
    batch(3, "a.csv", "REJECTED"),
    batch(2, "a.csv", "SUCCEEDED"),
    batch(1, "a.csv", "SUCCEEDED"),
  ];

  test("consecutive refusals of one file and kind become one row with their count and first time; anything else stays a row", () => {
    const rows = collapseRefusedAttempts(history);
    expect(rows.map((row) => [row.id, row.attempts, row.firstAttemptAt.getUTCMinutes()])).toEqual([
      [9, 1, 9],
      [8, 3, 6],
      [5, 1, 5],
      [4, 1, 4],
      [3, 1, 3],
      [2, 1, 2],
      [1, 1, 1],
    ]);
    expect(rows.every((row) => !row.attemptsAtLeast)).toBe(true);
  });

  test("the limit counts rows after collapsing", () => {
    expect(collapseRefusedAttempts(history, { limit: 3 }).map((row) => row.id)).toEqual([9, 8, 5]);
  });

  test("a run of refusals reaching the end of a partial history is marked as possibly longer", () => {
    const rows = collapseRefusedAttempts(history.slice(0, 3), { isWholeHistory: false });
    expect(rows.map((row) => [row.id, row.attempts, row.attemptsAtLeast])).toEqual([
      [9, 1, false],
      [8, 2, true],
    ]);
  });
});
