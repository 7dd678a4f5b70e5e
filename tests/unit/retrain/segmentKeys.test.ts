import { describe, expect, test } from "vitest";
import type { Persona } from "@/lib/ml/personas";
import { assignSegmentKeys, type PreviousSegment } from "@/lib/services/retrain/segmentKeys";

const persona = (id: number, name: string) => ({ id, name, color: "blue" }) as Persona;
const previous: PreviousSegment[] = [
  { segmentKey: 3, name: "Ships buyers", color: "amber", centroid: [0, 0] },
  { segmentKey: 5, name: "Planes buyers", color: "emerald", centroid: [5, 5] },
];

describe("segment keys across runs", () => {
  test("a segment near an earlier one keeps its key, name and colour", () => {
    const keyed = assignSegmentKeys([persona(0, "Planes buyers via Phone"), persona(1, "Ships buyers via Online")], [[5, 5.1], [0.1, 0]], previous);
    expect(keyed.map(({ segmentKey, name, isNew }) => ({ segmentKey, name, isNew }))).toEqual([
      { segmentKey: 5, name: "Planes buyers", isNew: false },
      { segmentKey: 3, name: "Ships buyers", isNew: false },
    ]);
  });

  test("runs that clustered on other columns share nothing: every segment is new, with a key never used before", () => {
    const keyed = assignSegmentKeys([persona(0, "Ships buyers"), persona(1, "Trains buyers")], [[5, 5.1], [0.1, 0]], previous, false);
    expect(keyed.map(({ segmentKey, name, isNew }) => ({ segmentKey, name, isNew }))).toEqual([
      { segmentKey: 6, name: "Ships buyers 2", isNew: true },
      { segmentKey: 7, name: "Trains buyers", isNew: true },
    ]);
  });
});
