import { describe, expect, test } from "vitest";
import { hungarian } from "@/lib/ml/stability";
import { createRng } from "@/lib/ml/random";

const total = (cost: number[][], assignment: number[]) => assignment.reduce((sum, j, i) => sum + (j >= 0 ? cost[i][j] : 0), 0);

/** Minimum over every injective assignment of min(rows, cols) pairs, by recursion. */
function bruteForceMinimum(cost: number[][]): number {
  const rows = cost.length;
  const columns = cost[0].length;
  const used = new Array<boolean>(columns).fill(false);
  const search = (i: number, assigned: number): number => {
    if (assigned === Math.min(rows, columns) || i === rows) return assigned === Math.min(rows, columns) ? 0 : Infinity;
    let best = rows - i > Math.min(rows, columns) - assigned ? search(i + 1, assigned) : Infinity;
    for (let j = 0; j < columns; j++) {
      if (used[j]) continue;
      used[j] = true;
      best = Math.min(best, cost[i][j] + search(i + 1, assigned + 1));
      used[j] = false;
    }
    return best;
  };
  return search(0, 0);
}

describe("Hungarian assignment", () => {
  test("finds the optimum of a 3 × 3 matrix", () => {
    // The six permutations cost (0,1,2) 4+0+2 = 6, (0,2,1) 11, (1,0,2) 1+2+2 = 5, (1,2,0) 9, (2,0,1) 7, (2,1,0) 6.
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    expect(hungarian(cost)).toEqual([1, 0, 2]);
  });

  test("leaves a column unused in a 3 × 4 matrix", () => {
    // Row minima 2 (col 1), 3 (col 2), 1 (col 2) clash on column 2. Best: 2 + 6 + 1 = 9 via cols (1, 0, 2);
    // the runners-up (1, 2, 0) = 2+3+5 and (1, 3, 2) = 2+7+1 cost 10.
    const cost = [
      [9, 2, 7, 8],
      [6, 4, 3, 7],
      [5, 8, 1, 8],
    ];
    expect(hungarian(cost)).toEqual([1, 0, 2]);
  });

  test("leaves a row unassigned (-1) in a 4 × 3 matrix", () => {
    // The transpose of the 3 × 4 case plus nothing: row 3 is the one without a column.
    const cost = [
      [9, 6, 5],
      [2, 4, 8],
      [7, 3, 1],
      [8, 7, 8],
    ];
    expect(hungarian(cost)).toEqual([1, 0, 2, -1]);
  });

  test("handles negative costs", () => {
    expect(
      hungarian([
        [-1, -5],
        [-3, -2],
      ]),
    ).toEqual([1, 0]);
  });

  test.each([
    [2, 2],
    [3, 5],
    [5, 3],
    [6, 6],
  ])("reaches the brute-force minimum on seeded random %i × %i matrices", (rows, columns) => {
    const rng = createRng(rows * 10 + columns);
    for (let trial = 0; trial < 20; trial++) {
      const cost = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(rng.next() * 100) / 10));
      const assignment = hungarian(cost);
      const assigned = assignment.filter((j) => j >= 0);
      expect(new Set(assigned).size).toBe(Math.min(rows, columns));
      expect(total(cost, assignment)).toBeCloseTo(bruteForceMinimum(cost), 9);
    }
  });

  test("returns nothing for no rows and rejects ragged or non-finite matrices", () => {
    expect(hungarian([])).toEqual([]);
    expect(() => hungarian([[1, 2], [3]])).toThrow(/row 1 has 1 columns/);
    expect(() => hungarian([[1, NaN]])).toThrow(/cost\[0\]\[1\] = NaN/);
  });
});
