import { describe, expect, test } from "vitest";
import { chooseK, findLargestK, type KChoiceOptions } from "@/lib/ml/segmentation/chooseK";
import { pickK, type KRule } from "@/lib/ml/segmentation/kRule";
import { measureKStabilities } from "@/lib/ml/segmentation/kStability";
import { blobs, randomCentres } from "./blobs";

const OPTIONS: KChoiceOptions = { kMin: 3, kMax: 8, restarts: 10, seed: 1, silhouetteSampleSize: 5_000, silhouetteSeed: 2, stabilitySeed: 3 };

describe("choice of k by separation and stability", () => {
  test.each([
    [4, 5],
    [6, 6],
  ])("recovers %i well-separated groups in %i dimensions", (groups, columns) => {
    const { matrix } = blobs(randomCentres(groups, columns, 10, groups), 80, 1, 5);
    const choice = chooseK(matrix, OPTIONS);
    expect(choice.k).toBe(groups);
    expect(choice.curve.map((point) => point.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(choice.curve.find((point) => point.k === groups)!.stability).toBeCloseTo(1, 10);
    expect(choice.summary.reason).toBe(
      `k = ${groups}: the best-separated of the k from 3 to 8 whose segments agree across 5 resamples (stability ≥ 0.80) and each hold at least 5% of customers.`,
    );
  });

  test("a single Gaussian blob has no stable k, and the reason says so", () => {
    // Measured: stabilities 0.20 to 0.29 for k = 3..8 (8-D, 500 rows).
    const { matrix } = blobs([new Array(8).fill(0)], 500, 1, 2);
    const choice = chooseK(matrix, OPTIONS);
    for (const point of choice.curve) expect(point.stability).toBeLessThan(0.45);
    const mostStable = choice.curve.reduce((a, b) => (b.stability! > a.stability! ? b : a));
    expect(choice.k).toBe(mostStable.k);
    expect(choice.summary.reason).toMatch(/none agrees across 5 resamples \(stability ≥ 0\.80\), so the most stable of them \(0\.\d\d\)\.$/);
  });

  test("a fixed k is used whatever the curve says, and its measures are still reported", () => {
    const { matrix } = blobs(randomCentres(4, 5, 10, 4), 80, 1, 5);
    const choice = chooseK(matrix, { ...OPTIONS, fixedK: 5 });
    expect(choice.k).toBe(5);
    expect(choice.summary.fixed).toBe(true);
    const point = choice.curve.find((p) => p.k === 5)!;
    expect(choice.summary.reason).toBe(
      `k = 5: fixed by an administrator, not chosen (silhouette ${point.silhouette.toFixed(3)}, stability ${point.stability!.toFixed(2)}, smallest segment ${Math.round(point.minShare! * 1000) / 10}%).`,
    );
    expect(chooseK(matrix, { ...OPTIONS, fixedK: 10 }).curve.map((p) => p.k)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("a k whose smallest segment is below the minimum share is not chosen", () => {
    // Three groups of 100 and a well-separated fourth of 9 (2.9% of the rows).
    const centres = randomCentres(4, 4, 10, 11);
    const big = blobs(centres.slice(0, 3), 100, 1, 12).matrix;
    const small = blobs(centres.slice(3), 9, 1, 13).matrix;
    const data = new Float64Array([...big.data, ...small.data]);
    const matrix = { data, rows: big.rows + small.rows, columns: 4 };
    const strict = chooseK(matrix, OPTIONS);
    expect(strict.curve.find((p) => p.k === 4)!.minShare).toBeCloseTo(9 / 309, 12);
    expect(strict.k).toBe(3);
    expect(chooseK(matrix, { ...OPTIONS, minShare: 0.02 }).k).toBe(4);
  });

  test("the same seeds give the same curve and choice", () => {
    const { matrix } = blobs(randomCentres(5, 4, 6, 9), 60, 1.5, 9);
    const withoutTiming = ({ stabilityMs: _ms, ...choice }: ReturnType<typeof chooseK>) => choice;
    expect(withoutTiming(chooseK(matrix, OPTIONS))).toEqual(withoutTiming(chooseK(matrix, OPTIONS)));
    const stabilities = (seed: number) => measureKStabilities(matrix, [3, 4, 5, 6], { seed });
    expect(stabilities(4)).toEqual(stabilities(4));
  });

  test("few rows lower kMax so every stability subsample has more rows than k", () => {
    expect(findLargestK(30)).toBe(23);
    expect(findLargestK(8)).toBe(5);
    const { matrix } = blobs(randomCentres(3, 3, 10, 3), 10, 0.5, 3);
    const choice = chooseK(matrix, OPTIONS);
    expect(choice.curve.map((point) => point.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(choice.k).toBe(3);
    const tiny = blobs(randomCentres(2, 2, 10, 1), 2, 0.5, 1).matrix;
    expect(() => chooseK(tiny, OPTIONS)).toThrow("chooseK: 4 rows are too few for k ≥ 3 (at most k = 2)");
    expect(() => chooseK(tiny, { ...OPTIONS, kMin: 2, fixedK: 4 })).toThrow("too few for the fixed k = 4");
  });
});

describe("the k rule on hand-made curves", () => {
  const RULE: KRule = { kMin: 3, kMax: 6, minShare: 0.05, minStability: 0.8, resamples: 5, fixedK: null };
  const point = (k: number, silhouette: number, stability: number, minShare = 0.1) => ({ k, inertia: 100 - k, silhouette, stability, minShare });

  test.each([
    ["the highest silhouette among the stable k", [point(3, 0.3, 0.7), point(4, 0.25, 0.9), point(5, 0.28, 0.85), point(6, 0.2, 0.95)], 5, /best-separated/],
    ["a silhouette tie goes to the smaller k", [point(3, 0.2, 0.9), point(4, 0.2, 0.9), point(5, 0.1, 0.9), point(6, 0.1, 0.9)], 3, /best-separated/],
    [
      "a k below the minimum share is passed over",
      [point(3, 0.2, 0.9), point(4, 0.3, 0.9, 0.04), point(5, 0.1, 0.9), point(6, 0.1, 0.9)],
      3,
      /each hold at least 5% of customers\.$/,
    ],
    [
      "no stable k: the most stable",
      [point(3, 0.3, 0.5), point(4, 0.2, 0.7), point(5, 0.1, 0.6), point(6, 0.1, 0.2)],
      4,
      /none agrees .* so the most stable of them \(0\.70\)\.$/,
    ],
    [
      "no admissible k: the rule over all of them",
      [point(3, 0.3, 0.9, 0.01), point(4, 0.2, 0.9, 0.02), point(5, 0.4, 0.5, 0.03), point(6, 0.1, 0.9, 0.01)],
      3,
      /^k = 3: no k from 3 to 6 gives every segment at least 5% of customers/,
    ],
    ["k outside the range is ignored", [point(2, 0.9, 1), point(3, 0.2, 0.9), point(4, 0.1, 0.9), point(7, 0.9, 1)], 3, /from 3 to 6/],
  ])("%s", (_name, curve, k, reason) => {
    const pick = pickK(curve, RULE);
    expect(pick.k).toBe(k);
    expect(pick.reason).toMatch(reason);
  });
});
