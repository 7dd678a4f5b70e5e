import { describe, expect, test } from "vitest";
import { measureClvChangesOfUnchanged, summariseClvChanges, type ClvBefore } from "@/lib/ml/clvShift";

const before: ClvBefore = {
  customerIds: Int32Array.from([3, 5, 8, 13, 21]),
  clv: Float64Array.from([100, 200, 0, 50, Number.NaN]),
  inputHash: Float64Array.from([11, 12, 13, 14, 15]),
};

describe("CLV changes of customers whose data did not change", () => {
  test("only customers with the same fingerprint and a positive CLV before and a CLV now are compared, in the new run's order", () => {
    const after = {
      customerIds: [21, 13, 8, 5, 3, 34],
      clv: Float64Array.from([10, 25, 40, 300, 80, 70]),
      // 5 changed its data; 8 had a CLV of 0; 21 had none; 34 is new.
      inputHash: Float64Array.from([15, 14, 13, 99, 11, 16]),
    };
    const result = measureClvChangesOfUnchanged(before, after);
    expect(result).toEqual({ changes: Float64Array.from([-0.5, -0.2]) });
  });

  test("an active run without fingerprints is not compared, and says why", () => {
    const old = { ...before, inputHash: new Float64Array(5).fill(Number.NaN) };
    expect(measureClvChangesOfUnchanged(old, { customerIds: [3], clv: Float64Array.from([1]), inputHash: Float64Array.from([11]) })).toEqual({
      reason: "the active run stored no per-customer data fingerprints (it was trained before they existed)",
    });
  });

  test("nobody unchanged: a reason, not an empty comparison", () => {
    expect(measureClvChangesOfUnchanged(before, { customerIds: [3], clv: Float64Array.from([1]), inputHash: Float64Array.from([99]) })).toEqual({
      reason: "no customer has the same data as in the active run and a positive CLV in both runs",
    });
  });

  test("arrays of different lengths are refused, naming which", () => {
    expect(() => measureClvChangesOfUnchanged(before, { customerIds: [3, 5], clv: Float64Array.from([1]), inputHash: Float64Array.from([11]) })).toThrow(
      /ClvAfter/,
    );
  });

  test("the summary counts moves beyond the threshold and takes the signed median", () => {
    expect(summariseClvChanges(Float64Array.from([-0.6, 0.3, 0.1, -0.25]), 0.25)).toEqual({ compared: 4, moved: 2, medianChange: -0.075 });
  });
});
