import { describe, expect, test } from "vitest";
import { matchIdentities } from "@/lib/ml/stability";

describe("identity over the history of runs", () => {
  const active = [
    [0, 0],
    [10, 0],
  ];
  const absent = [
    [0, 10],
    [10, 10],
  ];

  test("a new centroid continues the active segment it is near, returns from an absent one, or is new", () => {
    const { matches, threshold } = matchIdentities(active, absent, [
      [10, 0.5],
      [0.5, 10],
      [50, 50],
    ]);
    expect(threshold).toBe(5);
    expect(matches.map(({ source, previousIndex }) => ({ source, previousIndex }))).toEqual([
      { source: "active", previousIndex: 1 },
      { source: "absent", previousIndex: 0 },
      { source: null, previousIndex: null },
    ]);
    expect(matches[1].distance).toBeCloseTo(0.5, 12);
  });

  test("matching is one-to-one: of two centroids near one absent persona only the nearer returns", () => {
    const { matches } = matchIdentities(active, absent, [
      [0, 9],
      [0, 10.2],
    ]);
    expect(matches.map((m) => m.source)).toEqual([null, "absent"]);
  });

  test("an absent persona farther than the limit does not come back", () => {
    const { matches } = matchIdentities(active, absent, [[5, 5]]);
    expect(matches[0]).toMatchObject({ source: null, previousIndex: null });
    expect(matches[0].distance).toBeCloseTo(Math.sqrt(50), 12);
  });

  test("with no active run, the limit comes from the absent personas", () => {
    const { matches, threshold } = matchIdentities([], absent, [[9.5, 10]]);
    expect(threshold).toBe(5);
    expect(matches[0]).toMatchObject({ source: "absent", previousIndex: 1 });
  });
});
