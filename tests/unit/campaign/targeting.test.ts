import { describe, expect, test } from "vitest";
import { computeBinEdges, findBin, buildTargeting } from "@/lib/campaign/targeting";
import { drawControlNumber, isControl } from "@/lib/campaign/controlGroup";

describe("targeting aggregate", () => {
  test("counts and sums of p per segment and bin; unscored customers are counted apart", () => {
    const aggregate = buildTargeting([2, 0, 2, 0, 2, 0], [0.05, 0.95, 0.07, 1, NaN, 0.5], { bins: 10 });
    expect(aggregate.bins).toBe(10);
    expect(aggregate.unscored).toBe(1);
    expect(aggregate.segments.map((segment) => segment.segmentKey)).toEqual([0, 2]);
    const [zero, two] = aggregate.segments;
    expect(zero.counts).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(zero.sums[9]).toBeCloseTo(1.95, 12);
    expect(zero.sums[5]).toBeCloseTo(0.5, 12);
    expect(two.counts).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(two.sums[0]).toBeCloseTo(0.12, 12);
  });

  test("a probability of exactly 1 falls in the last bin, 0 in the first", () => {
    const edges = computeBinEdges(200);
    expect(findBin(1, edges)).toBe(199);
    expect(findBin(0, edges)).toBe(0);
    expect(findBin(0.005, edges)).toBe(1);
  });

  test("a cut splits its bin: customers at or above it on one side, those below on the other", () => {
    const aggregate = buildTargeting([0, 0, 0, 0], [0.31, 0.33, 0.35, 0.39], { bins: 10, cuts: [0.33, 0.5, 1] });
    expect(aggregate.cuts).toEqual([0.33, 0.5]);
    expect(computeBinEdges(10, aggregate.cuts)).toEqual([0, 0.1, 0.2, 0.3, 0.33, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(aggregate.segments[0].counts).toEqual([0, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0]);
    expect(aggregate.segments[0].sums[4]).toBeCloseTo(1.07, 12);
    expect(buildTargeting([0], [0.5], { bins: 10 })).not.toHaveProperty("cuts");
  });

  test("mismatched inputs are refused", () => {
    expect(() => buildTargeting([1, 2], [0.1])).toThrow(/differ in length/);
  });
});

describe("control group", () => {
  test("about 10% of 20,000 customers are held back, the same ones for the same seed", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
    const held = ids.filter((id) => isControl(id, 0.1, 7));
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
    expect(ids.filter((id) => isControl(id, 0.1, 7))).toEqual(held);
    const other = ids.filter((id) => isControl(id, 0.1, 8));
    expect(other).not.toEqual(held);
  });

  test("a share of 0 holds back nobody and draws lie in [0, 1)", () => {
    expect(isControl(5, 0, 1)).toBe(false);
    for (let id = 0; id < 1_000; id++) {
      const draw = drawControlNumber(id, 3);
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });
});
