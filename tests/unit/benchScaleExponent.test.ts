import { describe, expect, it } from "vitest";
import { growthExponent } from "@/tests/bench/scaleReport";

describe("bench:scale growth exponent", () => {
  it("recovers b from times that grow as n^b", () => {
    const points = [10_000, 100_000, 1_000_000].map((n) => ({ n, seconds: 3e-4 * n ** 1.25 }));
    expect(growthExponent(points)).toBeCloseTo(1.25, 10);
  });

  it("fits the least-squares slope through noisy times", () => {
    // log10 times 0, 1.2, 1.8 at log10 n 4, 5, 6: slope (−1·0 + 0·1.2 + 1·1.8 − mean terms) = 0.9.
    const points = [
      { n: 1e4, seconds: 1 },
      { n: 1e5, seconds: 10 ** 1.2 },
      { n: 1e6, seconds: 10 ** 1.8 },
    ];
    expect(growthExponent(points)).toBeCloseTo(0.9, 10);
  });

  it("has no exponent from one size", () => {
    expect(growthExponent([{ n: 1e4, seconds: 2 }])).toBeNull();
  });
});
