import { describe, expect, test } from "vitest";
import { matchSegments, computeMatchThreshold } from "@/lib/ml/stability";
import { createRng } from "@/lib/ml/random";

// Four segments in a standardized 3-D space, at least 2 units apart.
const previous = [
  [0, 0, 0],
  [2, 0, 0],
  [0, 3, 0],
  [1, 1, 4],
];

describe("segment matching", () => {
  test("the default threshold is half the median nearest-centroid distance", () => {
    // Nearest distances: p0 → p1 2, p1 → p0 2, p2 → p0 3 (p1 √13 = 3.61, p3 √21 = 4.58),
    // p3 → p0 or p1 √18 = 4.24. Median of (2, 2, 3, 4.24) = 2.5 → threshold 1.25.
    expect(computeMatchThreshold(previous)).toBeCloseTo(1.25, 12);
  });

  test("recovers a permutation of slightly moved centroids", () => {
    const rng = createRng(4);
    const order = [2, 0, 3, 1];
    const moved = order.map((i) => previous[i].map((x) => x + 0.1 * rng.normal()));
    const { matches, disappeared } = matchSegments(previous, moved);
    expect(matches.map((m) => m.previousIndex)).toEqual(order);
    expect(matches.every((m) => !m.isNew && m.distance! < 0.5)).toBe(true);
    expect(disappeared).toEqual([]);
  });

  test("calls a far-away extra centroid new and reports its nearest distance", () => {
    const { matches, disappeared } = matchSegments(previous, [...previous, [10, 0, 0]]);
    // Nearest previous centroid to (10,0,0) is (2,0,0), 8 away.
    expect(matches[4]).toEqual({ newIndex: 4, previousIndex: null, distance: 8, isNew: true });
    expect(matches.slice(0, 4).map((m) => m.previousIndex)).toEqual([0, 1, 2, 3]);
    expect(disappeared).toEqual([]);
  });

  test("reports a previous segment that is gone as disappeared", () => {
    const { matches, disappeared } = matchSegments(previous, [previous[0], previous[1], previous[3]]);
    expect(matches.map((m) => m.previousIndex)).toEqual([0, 1, 3]);
    expect(disappeared).toEqual([2]);
  });

  test("a far new centroid does not steal the match of a close one", () => {
    // Plain Hungarian on distances would pair (0.5,0)→(10,0) and (−20,0)→(0,0): 9.5 + 20 = 29.5 < 0.5 + 30,
    // rejecting both. Capped at the threshold 5 (half of 10): 0.5 + 5 = 5.5 beats 5 + 5.
    const { matches, disappeared } = matchSegments(
      [
        [0, 0],
        [10, 0],
      ],
      [
        [0.5, 0],
        [-20, 0],
      ],
    );
    expect(matches.map((m) => [m.previousIndex, m.isNew])).toEqual([
      [0, false],
      [null, true],
    ]);
    expect(disappeared).toEqual([1]);
  });

  test("a segment that moved past the threshold is new and its predecessor disappears", () => {
    const { matches, disappeared, threshold } = matchSegments(
      [
        [0, 0],
        [4, 0],
      ],
      [
        [0, 0],
        [4, 2.5],
      ],
    );
    expect(threshold).toBe(2);
    expect(matches[1]).toEqual({ newIndex: 1, previousIndex: null, distance: 2.5, isNew: true });
    expect(disappeared).toEqual([1]);
  });

  test("uses maxDistance when given and the fallback with a single previous centroid", () => {
    expect(
      matchSegments(
        [
          [0, 0],
          [4, 0],
        ],
        [[4, 2.5]],
        { maxDistance: 3 },
      ).matches[0].previousIndex,
    ).toBe(1);
    expect(matchSegments([[0, 0]], [[0.9, 0]]).threshold).toBe(1);
    expect(matchSegments([[0, 0]], [[1.1, 0]]).matches[0].isNew).toBe(true);
  });

  test("with no previous run every segment is new", () => {
    expect(matchSegments([], [[1, 2]])).toEqual({
      matches: [{ newIndex: 0, previousIndex: null, distance: null, isNew: true }],
      disappeared: [],
      threshold: 1,
    });
  });

  test("rejects centroids of different dimensions and bad options", () => {
    expect(() => matchSegments([[0, 0]], [[0, 0, 0]])).toThrow(/new centroid 0 has 3 coordinates, expected 2/);
    expect(() => matchSegments([[0, 0]], [[0, 0]], { maxDistance: -1 })).toThrow(/maxDistance = -1/);
  });
});
