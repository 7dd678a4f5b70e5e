import { describe, expect, test } from "vitest";
import { samplePcaPoints, allocateStratumQuotas } from "@/lib/runs/pcaSample";

describe("allocateStratumQuotas", () => {
  test.each([
    // One point each first, then the spare points by largest remainder.
    [[6, 3, 1], 5, [2, 2, 1]],
    [[1000, 0, 3], 10, [9, 0, 1]],
    [[100, 10], 11, [9, 2]],
    [[50, 50], 10, [5, 5]],
    // Everyone fits: no sampling.
    [[10, 10], 100, [10, 10]],
  ])("sizes %j with at most %i points → %j", (sizes, max, quotas) => {
    expect(allocateStratumQuotas(sizes, max)).toEqual(quotas);
    expect(quotas.reduce((sum, quota) => sum + quota, 0)).toBe(
      Math.min(
        max,
        sizes.reduce((sum, size) => sum + size, 0),
      ),
    );
  });

  test("refuses a limit too small to show every segment", () => {
    expect(() => allocateStratumQuotas([5, 5, 5], 3)).toThrow("3 points cannot show 3 segments");
  });
});

describe("samplePcaPoints", () => {
  // Row i sits at (i, -i, 2i); rows 0–99 are in segment 1, rows 100–109 in segment 2.
  const rows = 110;
  const pca = Float64Array.from({ length: rows * 3 }, (_, j) => [1, -1, 2][j % 3] * Math.floor(j / 3));
  const keys = Int32Array.from({ length: rows }, (_, i) => (i < 100 ? 1 : 2));

  test("draws each segment's quota of distinct customers, with their own coordinates, ordered by segment then row", () => {
    const { population, points } = samplePcaPoints(pca, keys, 7, 11);
    expect(population).toBe(110);
    expect(points.filter((point) => point[3] === 1)).toHaveLength(9);
    expect(points.filter((point) => point[3] === 2)).toHaveLength(2);
    for (const [x, y, z, key] of points) {
      expect([y, z]).toEqual([-x, 2 * x]);
      expect(key).toBe(x < 100 ? 1 : 2);
    }
    const order = points.map((point) => point[0]);
    expect(new Set(order).size).toBe(11);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test("the same seed gives the same sample, another seed another", () => {
    const xs = (seed: number) => samplePcaPoints(pca, keys, seed, 11).points.map((point) => point[0]);
    expect(xs(7)).toEqual(xs(7));
    expect(xs(8)).not.toEqual(xs(7));
  });

  test("rejects coordinates that are not three per row", () => {
    expect(() => samplePcaPoints(new Float64Array(5), keys.subarray(0, 2), 1)).toThrow("5 coordinates for 2 rows");
  });
});
