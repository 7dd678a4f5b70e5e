import { describe, expect, test } from "vitest";
import { hyp2f1, hyp2f1Scaled, lgamma } from "@/lib/ml/clv/special";

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));

describe("lgamma", () => {
  test.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [2.5, Math.log((3 * Math.sqrt(Math.PI)) / 4)],
    [10, Math.log(362880)],
    [20, Math.log(121645100408832000)],
    // Reference values from mpmath.loggamma at 30 digits.
    [100, 359.13420536957539878],
    [1e-5, 11.512919692895825],
    [0.2425929, 1.3198164199186444],
  ])("log Γ(%f) = %f", (x, expected) => {
    expect(Math.abs(lgamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  test("uses the reflection formula below 1/2: log|Γ(−0.5)| = log(2√π)", () => {
    expect(lgamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
  });

  test("is infinite at the poles", () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
  });

  test("satisfies Γ(x + 1) = x Γ(x) across scales", () => {
    for (const x of [0.01, 0.3, 1.7, 6.25, 42.5, 310.2]) {
      expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThan(1e-12 * Math.max(1, lgamma(x + 1)));
    }
  });
});

describe("hyp2f1", () => {
  test.each([0.1, 0.5, 0.9, 0.99])("2F1(1, 1; 2; z) = −log(1 − z)/z at z = %f", (z) => {
    expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-13);
  });

  test.each([
    [0.3, 2.5, 0.4],
    [4.2, 1.1, 0.8],
    [0.7, 3, -0.6],
    [2, 5, -3],
  ])("2F1(a, b; b; z) = (1 − z)^(−a) for a = %f, b = %f, z = %f", (a, b, z) => {
    expect(relative(hyp2f1(a, b, b, z), Math.pow(1 - z, -a))).toBeLessThan(1e-13);
  });

  test.each([0.2, 0.6, 0.95])("2F1(1/2, 1/2; 3/2; s²) = asin(s)/s at s = %f", (s) => {
    expect(relative(hyp2f1(0.5, 0.5, 1.5, s * s), Math.asin(s) / s)).toBeLessThan(1e-13);
  });

  test("2F1(1, 1; 2; −z) = log(1 + z)/z on the Pfaff branch", () => {
    expect(relative(hyp2f1(1, 1, 2, -0.75), Math.log1p(0.75) / 0.75)).toBeLessThan(1e-13);
  });

  test("terminates for a negative-integer parameter: 2F1(−2, b; c; z) is a quadratic", () => {
    const [b, c, z] = [3.5, 1.25, 0.4];
    const expected = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(relative(hyp2f1(-2, b, c, z), expected)).toBeLessThan(1e-14);
  });

  test("converges slowly but correctly near z = 1, towards Gauss's sum when c > a + b", () => {
    const [a, b, c] = [0.3, 0.4, 2.2];
    // mpmath.hyp2f1 references; the limit at z = 1 is Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)).
    expect(relative(hyp2f1(a, b, c, 0.99), 1.08779417248992779057)).toBeLessThan(1e-13);
    expect(relative(hyp2f1(a, b, c, 0.9999), 1.09003492103122832088)).toBeLessThan(1e-11); // rounding over ~1e5 terms
    const gauss = Math.exp(lgamma(c) + lgamma(c - a - b) - lgamma(c - a) - lgamma(c - b));
    expect(relative(hyp2f1(a, b, c, 0.9999), gauss)).toBeLessThan(1e-4);
  });

  test("stays accurate for the large parameters of heavy buyers (Euler branch)", () => {
    // 2F1(a, b; b; z) again, with c − a − b = −a far below 0.
    expect(relative(hyp2f1(150.24, 152.4, 152.4, 0.5), Math.pow(0.5, -150.24))).toBeLessThan(1e-12);
  });

  test("converges quickly when c is huge and the plain series would grow for long in Euler form", () => {
    // 2F1(2, b; b; z) = (1 − z)^(−2) for any b.
    expect(relative(hyp2f1(2, 1e7, 1e7, 0.5), 4)).toBeLessThan(1e-13);
    // The shape of a heavy buyer under a BG/NBD fit with a, b in the thousands; mpmath reference.
    expect(relative(hyp2f1(21.9, 2e6, 2e6 + 4000, 0.4), 70119.69057576151884512)).toBeLessThan(1e-12);
  });

  test("evaluates several z at once, each as accurately as alone", () => {
    const z = Float64Array.from([0, 0.1, 0.5, 0.9]);
    const sums = new Float64Array(4);
    const exponent = hyp2f1Scaled(0.7, 3.2, 1.9, z, sums);
    z.forEach((value, m) => {
      expect(relative(Math.pow(1 - value, exponent) * sums[m], hyp2f1(0.7, 3.2, 1.9, value))).toBeLessThan(1e-13);
    });
  });

  test("rejects z >= 1 and non-positive integer c", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be < 1/);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/c must not be/);
  });
});
