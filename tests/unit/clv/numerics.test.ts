import { describe, expect, test } from "vitest";
import { chebyshevCoefficients, chebyshevEvaluate, chebyshevPoints, toUnitInterval } from "@/lib/ml/clv/chebyshev";
import { cholesky, inverseSpd } from "@/lib/ml/clv/linalg";
import { quantileInPlace } from "@/lib/ml/clv/quantile";
import { createRng } from "@/lib/ml/random";

describe("cholesky", () => {
  test("factors [[4, 2], [2, 3]] into [[2, 0], [1, √2]]", () => {
    const lower = cholesky([
      [4, 2],
      [2, 3],
    ])!;
    expect(lower[0]).toEqual([2, 0]);
    expect(lower[1][0]).toBe(1);
    expect(lower[1][1]).toBeCloseTo(Math.SQRT2, 15);
  });

  test("returns null for a matrix that is not positive definite", () => {
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(
      inverseSpd([
        [1, 0],
        [0, -1],
      ]),
    ).toBeNull();
  });
});

describe("inverseSpd", () => {
  test("inverts a 4×4 covariance matrix: A · A⁻¹ = I", () => {
    const A = [
      [4, 1, 0.5, 0],
      [1, 3, 0.2, 0.1],
      [0.5, 0.2, 2, 0.3],
      [0, 0.1, 0.3, 1],
    ];
    const inverse = inverseSpd(A)!;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const product = A[i].reduce((sum, value, k) => sum + value * inverse[k][j], 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe("Chebyshev interpolation", () => {
  test.each([
    { name: "exp on [0, 2]", f: Math.exp, lo: 0, hi: 2 },
    { name: "1 / (1 + u²) on [−1, 1] (poles at ±i)", f: (u: number) => 1 / (1 + u * u), lo: -1, hi: 1 },
    { name: "log on [1, 5]", f: Math.log, lo: 1, hi: 5 },
  ])("reproduces $name to 1e-9 with 32 points", ({ f, lo, hi }) => {
    const points = chebyshevPoints(32, lo, hi);
    const coefficients = new Float64Array(32);
    chebyshevCoefficients(points.map(f), coefficients);
    for (let k = 0; k <= 100; k++) {
      const u = lo + ((hi - lo) * k) / 100;
      expect(Math.abs(chebyshevEvaluate(coefficients, 0, 32, toUnitInterval(u, lo, hi)) - f(u))).toBeLessThan(1e-9);
    }
  });

  test("reads coefficients at an offset", () => {
    const coefficients = Float64Array.from([99, 99, 0.5, 0, 1]); // ½ + T₂(y) = 2y² − ½ at offset 2
    expect(chebyshevEvaluate(coefficients, 2, 3, 0.5)).toBeCloseTo(0, 15);
    expect(chebyshevEvaluate(coefficients, 2, 3, 1)).toBeCloseTo(1.5, 15);
  });
});

describe("quantileInPlace", () => {
  test.each([
    [[5, 1, 4, 2, 3], 2, 3],
    [[5, 1, 4, 2, 3], 0.4, 1.4],
    [[10, 20], 0.5, 15],
    [[7, 7, 7, 7], 1.7, 7],
    [[3, -1, Infinity, 2], 3, Infinity],
  ])("of %j at rank %f is %f", (values, rank, expected) => {
    expect(quantileInPlace(Float64Array.from(values), rank)).toBe(expected);
  });

  test("equals interpolation between sorted order statistics on random samples with ties", () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const values = Float64Array.from({ length: 2 + rng.int(300) }, () => Math.round(rng.normal() * 20) / 4);
      const sorted = Float64Array.from(values).sort();
      const rank = (values.length - 1) * rng.next();
      const below = Math.floor(rank);
      const above = Math.min(below + 1, values.length - 1);
      const expected = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
      expect(quantileInPlace(values, rank)).toBeCloseTo(expected, 12);
    }
  });
});
