import { describe, expect, test } from "vitest";
import { jensenShannonDistance, populationStabilityIndex } from "@/lib/ml/drift";

describe("population stability index", () => {
  test("sums (current − reference) · ln(current / reference) over bins", () => {
    // (0.3−0.5)·ln(0.3/0.5) = −0.2·−0.5108256 = 0.1021651; middle bin 0; (0.4−0.2)·ln 2 = 0.1386294.
    // Total 0.2407946.
    expect(populationStabilityIndex([0.5, 0.3, 0.2], [0.3, 0.3, 0.4])).toBeCloseTo(0.2407946, 6);
  });

  test("replaces an empty reference bin by epsilon instead of dividing by zero", () => {
    // Bin 2: (0.4−0.5)·ln(0.8) = 0.0223144. Bin 3 is empty in the reference → 1e-4:
    // (0.1−0.0001)·ln(0.1/0.0001) = 0.0999·6.9077553 = 0.6900848. Total 0.7123992.
    expect(populationStabilityIndex([0.5, 0.5, 0], [0.5, 0.4, 0.1])).toBeCloseTo(0.7123992, 6);
  });

  test("adds nothing for a bin empty on both sides and is 0 for equal shares", () => {
    expect(populationStabilityIndex([0.6, 0.4, 0], [0.6, 0.4, 0])).toBe(0);
  });

  test("uses the epsilon it is given", () => {
    // (0.1−0.01)·ln(0.1/0.01) = 0.09·2.3025851 = 0.2072327, plus bin 1: (0.9−1)·ln 0.9 = 0.0105361.
    expect(populationStabilityIndex([1, 0], [0.9, 0.1], 0.01)).toBeCloseTo(0.2177687, 6);
  });

  test("rejects share vectors of different lengths", () => {
    expect(() => populationStabilityIndex([1], [0.5, 0.5])).toThrow(/1 reference shares but 2 current/);
  });
});

describe("Jensen–Shannon distance", () => {
  test("is the square root of the base-2 divergence to the mixture", () => {
    // P = (½, ½), Q = (1, 0), M = (¾, ¼).
    // KL(P‖M) = ½·log2(⅔) + ½·log2(2) = −0.2924813 + 0.5 = 0.2075187; KL(Q‖M) = log2(4/3) = 0.4150375.
    // JSD = ½(0.2075187 + 0.4150375) = 0.3112781; distance √0.3112781 = 0.5579230.
    expect(jensenShannonDistance([0.5, 0.5], [1, 0])).toBeCloseTo(0.557923, 6);
  });

  test.each([
    ["equal distributions", [0.2, 0.8], [0.2, 0.8], 0],
    ["disjoint distributions", [1, 0], [0, 1], 1],
  ])("is %s → %d", (_, p, q, expected) => {
    expect(jensenShannonDistance(p, q)).toBeCloseTo(expected, 12);
  });
});
