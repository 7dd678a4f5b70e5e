import { describe, expect, test } from "vitest";
import { adjustedRandIndex } from "@/lib/ml/stability";
import { createRng } from "@/lib/ml/random";

describe("adjusted Rand index", () => {
  // scikit-learn's adjusted_rand_score docstring examples, each checked from the contingency table:
  // ARI = (Σ C(n_ij,2) − E) / (½(A + B) − E), A = Σ C(a_i,2), B = Σ C(b_j,2), E = A·B / C(n,2), C(4,2) = 6.
  test.each([
    // Same cells {2,2}: index 2, A = B = 2, E = 4/6 → (2 − ⅔)/(2 − ⅔) = 1.
    [[0, 0, 1, 1], [0, 0, 1, 1], 1],
    // Relabelled: the same contingency table up to a column swap.
    [[0, 0, 1, 1], [1, 1, 0, 0], 1],
    // Cells {2,1,1}: index 1; A = 1 (sizes 2,1,1), B = 2, E = 2/6 → (1 − ⅓)/(1.5 − ⅓) = (⅔)/(7/6) = 4/7.
    [[0, 0, 1, 2], [0, 0, 1, 1], 4 / 7],
    [[0, 0, 1, 1], [0, 0, 1, 2], 4 / 7],
    // One cluster against singletons: index 0, A = 6, B = 0, E = 0 → 0 / 3 = 0.
    [[0, 0, 0, 0], [0, 1, 2, 3], 0],
    // All four cells hold 1: index 0, A = B = 2, E = ⅔ → (−⅔)/(2 − ⅔) = −½.
    [[0, 0, 1, 1], [0, 1, 0, 1], -0.5],
  ])("ARI(%j, %j) = %d", (a, b, expected) => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(expected, 12);
  });

  test("matches a hand-computed 3 × 3 contingency table", () => {
    // Rows A = sizes 4,3,3; columns B = sizes 3,3,4; cells n00 3, n01 1, n11 2, n12 1, n22 3.
    // index = 3 + 0 + 1 + 0 + 3 = 7; A = 6 + 3 + 3 = 12; B = 3 + 3 + 6 = 12; E = 144/45 = 3.2.
    // ARI = (7 − 3.2) / (12 − 3.2) = 3.8 / 8.8 = 0.4318182.
    const a = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const b = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
    expect(adjustedRandIndex(a, b)).toBeCloseTo(3.8 / 8.8, 12);
  });

  test("accepts any integer ids, such as -1 for noise", () => {
    expect(adjustedRandIndex([-1, -1, 7, 3], [5, 5, 0, 2])).toBe(1);
  });

  test("is about 0 for independent random partitions", () => {
    const rng = createRng(8);
    const a = Int32Array.from({ length: 10_000 }, () => rng.int(5));
    const b = Int32Array.from({ length: 10_000 }, () => rng.int(5));
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.005);
  });

  test.each([
    ["both partitions one cluster", [0, 0, 0], [1, 1, 1]],
    ["both partitions all singletons", [0, 1, 2], [2, 0, 1]],
    ["a single row", [0], [4]],
  ])("is 1 for the trivial identical case: %s", (_, a, b) => {
    expect(adjustedRandIndex(a, b)).toBe(1);
  });

  test("rejects partitions of different lengths and non-integer labels", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/2 labels in the first partition but 1/);
    expect(() => adjustedRandIndex([0, 0.5], [0, 1])).toThrow(/first label 0.5 at row 1/);
  });
});
