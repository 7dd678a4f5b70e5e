import { describe, expect, test } from "vitest";
import { nelderMead } from "@/lib/ml/clv/nelderMead";
import { minimize, numericalGradient, numericalHessian } from "@/lib/ml/clv/optimize";

const rosenbrock = ([x, y]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;

describe("minimize", () => {
  test("finds the Rosenbrock minimum at (1, 1) from (−1.2, 1) with BFGS alone", () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.method).toBe("bfgs");
    expect(Math.abs(result.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.x[1] - 1)).toBeLessThan(1e-6);
  });

  test("minimises a 4-parameter quadratic with correlated parameters to the exact solution", () => {
    // f(x) = ½ (x − c)ᵀ A (x − c) with an ill-conditioned A; minimum at c.
    const A = [
      [10, 9, 0, 0],
      [9, 10, 0, 0],
      [0, 0, 1, 0.5],
      [0, 0, 0.5, 2],
    ];
    const c = [1, -2, 0.5, 3];
    const f = (x: readonly number[]) => {
      let sum = 0;
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) sum += 0.5 * (x[i] - c[i]) * A[i][j] * (x[j] - c[j]);
      return sum;
    };
    const result = minimize(f, [0, 0, 0, 0]);
    result.x.forEach((value, i) => expect(Math.abs(value - c[i])).toBeLessThan(1e-6));
  });

  test("backs off from steps into a region where the function is undefined", () => {
    // Defined for x > 0 only; the unscaled first step from x = 0.05 overshoots into x < 0.
    const f = ([x]: readonly number[]) => (x > 0 ? x - 3 * Math.log(x) : NaN);
    const result = minimize(f, [0.05]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 6);
  });

  test("falls back to Nelder–Mead when rounding-level wiggles make difference gradients useless", () => {
    // A bowl at (1, 2) plus a 1e-6 ripple with slope 10: BFGS stalls, the simplex still gets close.
    const f = ([x, y]: readonly number[]) => (x - 1) ** 2 + (y - 2) ** 2 + 1e-6 * Math.sin(1e7 * x);
    const result = minimize(f, [0, 0]);
    expect(result.method).toBe("bfgs+nelder-mead");
    expect(result.converged).toBe(false);
    expect(Math.abs(result.x[0] - 1)).toBeLessThan(1e-3);
    expect(Math.abs(result.x[1] - 2)).toBeLessThan(1e-3);
  });

  test("reports a kink minimum found by BFGS where central differences cancel", () => {
    const result = minimize(([x, y]) => Math.abs(x - Math.PI) + 10 * Math.abs(y - Math.E), [0, 0]);
    expect(result.x[0]).toBeCloseTo(Math.PI, 8);
    expect(result.x[1]).toBeCloseTo(Math.E, 8);
  });

  test("rejects a non-finite starting point", () => {
    expect(() => minimize(rosenbrock, [NaN, 1])).toThrow(/starting point/);
  });
});

describe("nelderMead", () => {
  test("finds the Rosenbrock minimum without derivatives", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });
});

describe("numerical derivatives", () => {
  // f(x, y) = x²y + 3y² + eˣ: ∇f = (2xy + eˣ, x² + 6y), H = [[2y + eˣ, 2x], [2x, 6]].
  const f = ([x, y]: readonly number[]) => x * x * y + 3 * y * y + Math.exp(x);

  test("gradient matches the analytic gradient", () => {
    const [gx, gy] = numericalGradient(f, [1, 2]);
    expect(gx).toBeCloseTo(4 + Math.E, 8);
    expect(gy).toBeCloseTo(13, 8);
  });

  test("Hessian matches the analytic Hessian and is symmetric", () => {
    const h = numericalHessian(f, [1, 2]);
    expect(h[0][0]).toBeCloseTo(4 + Math.E, 5);
    expect(h[0][1]).toBeCloseTo(2, 5);
    expect(h[1][0]).toBe(h[0][1]);
    expect(h[1][1]).toBeCloseTo(6, 5);
  });
});
