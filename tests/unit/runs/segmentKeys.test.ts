import { describe, expect, test } from "vitest";
import { PERSONA_PALETTE, type Persona } from "@/lib/ml/personas";
import { assignSegmentKeys, NO_HISTORY, type PreviousSegment, type SegmentHistory } from "@/lib/runs/segmentKeys";

const persona = (id: number, name: string) => ({ id, name, color: "blue" }) as Persona;
const segment = (segmentKey: number, name: string, color: string, centroid: number[], runId = 2): PreviousSegment => ({
  segmentKey,
  name,
  color,
  centroid,
  runId,
});
const ships = segment(3, "Ships buyers", "amber", [0, 0]);
const planes = segment(5, "Planes buyers", "emerald", [5, 5]);
const history = (over: Partial<SegmentHistory>): SegmentHistory => ({ ...NO_HISTORY, ...over });
const brief = (keyed: ReturnType<typeof assignSegmentKeys>) =>
  keyed.map(({ segmentKey, name, color, isNew, returnedFrom }) => ({ segmentKey, name, color, isNew, returnedFrom }));

describe("segment keys across runs", () => {
  test("a first run numbers its segments from 0, all new", () => {
    const keyed = assignSegmentKeys([persona(0, "A"), persona(1, "B")], [[0], [1]], NO_HISTORY);
    expect(keyed.map(({ segmentKey, isNew }) => ({ segmentKey, isNew }))).toEqual([
      { segmentKey: 0, isNew: true },
      { segmentKey: 1, isNew: true },
    ]);
  });

  test("a segment near an earlier one keeps its key, name and colour", () => {
    const keyed = assignSegmentKeys(
      [persona(0, "Planes buyers via Phone"), persona(1, "Ships buyers via Online")],
      [
        [5, 5.1],
        [0.1, 0],
      ],
      history({ active: [ships, planes], largestKey: 5 }),
    );
    expect(brief(keyed)).toEqual([
      { segmentKey: 5, name: "Planes buyers", color: "emerald", isNew: false, returnedFrom: null },
      { segmentKey: 3, name: "Ships buyers", color: "amber", isNew: false, returnedFrom: null },
    ]);
  });

  test("runs that clustered on other columns share nothing: every segment is new, with a key never used before", () => {
    const keyed = assignSegmentKeys(
      [persona(0, "Ships buyers"), persona(1, "Trains buyers")],
      [
        [5, 5.1],
        [0.1, 0],
      ],
      history({ active: [ships, planes], activeComparable: false, largestKey: 5 }),
    );
    expect(keyed.map(({ segmentKey, name, isNew }) => ({ segmentKey, name, isNew }))).toEqual([
      { segmentKey: 6, name: "Ships buyers 2", isNew: true },
      { segmentKey: 7, name: "Trains buyers", isNew: true },
    ]);
  });

  test("a persona absent from the active run that comes back gets its old key, name and colour, and is not new", () => {
    const trains = segment(6, "Trains buyers", "violet", [10, 0]);
    const oldShips = segment(3, "Ships buyers", "rose", [0, 0], 1);
    const keyed = assignSegmentKeys(
      [persona(0, "Ships buyers via Mail"), persona(1, "Planes buyers"), persona(2, "Trains buyers")],
      [
        [0.1, 0],
        [5, 5.1],
        [10, 0.1],
      ],
      history({ active: [planes, trains], absent: [oldShips], largestKey: 6 }),
    );
    expect(brief(keyed)).toEqual([
      { segmentKey: 3, name: "Ships buyers", color: "rose", isNew: false, returnedFrom: 1 },
      { segmentKey: 5, name: "Planes buyers", color: "emerald", isNew: false, returnedFrom: null },
      { segmentKey: 6, name: "Trains buyers", color: "violet", isNew: false, returnedFrom: null },
    ]);
  });

  test("a persona matches the active run before an absent one with the same centroid", () => {
    const keyed = assignSegmentKeys(
      [persona(0, "Planes buyers")],
      [[5, 5]],
      history({ active: [planes, ships], absent: [segment(9, "Old planes buyers", "lime", [5, 5], 1)], largestKey: 9 }),
    );
    expect(brief(keyed)).toEqual([{ segmentKey: 5, name: "Planes buyers", color: "emerald", isNew: false, returnedFrom: null }]);
  });

  test("a new segment takes a key above every key ever given, rejected runs' included", () => {
    const keyed = assignSegmentKeys([persona(0, "Cars buyers")], [[20, 20]], history({ active: [ships, planes], largestKey: 11 }));
    expect(brief(keyed)).toEqual([{ segmentKey: 12, name: "Cars buyers", color: "blue", isNew: true, returnedFrom: null }]);
  });
});

describe("segment colours", () => {
  const spread = (k: number) => Array.from({ length: k }, (_, i) => [i * 10, 0]);
  const personas = (k: number) => Array.from({ length: k }, (_, i) => persona(i, `Segment ${i}`));

  test("twelve segments of a run have twelve different colours", () => {
    const colors = assignSegmentKeys(personas(12), spread(12), NO_HISTORY).map((s) => s.color);
    expect(new Set(colors).size).toBe(12);
    expect(colors.every((color) => (PERSONA_PALETTE as readonly string[]).includes(color))).toBe(true);
  });

  test("colours are kept across runs, whatever order the new run finds the segments in", () => {
    const first = assignSegmentKeys(personas(12), spread(12), NO_HISTORY);
    const previous = first.map((s, i) => segment(s.segmentKey, s.name, s.color, spread(12)[i], 1));
    const reversed = spread(12).reverse();
    const second = assignSegmentKeys(personas(12), reversed, history({ active: previous, largestKey: 11 }));
    const colorOfKey = (keyed: typeof first) => new Map(keyed.map((s) => [s.segmentKey, s.color]));
    expect(colorOfKey(second)).toEqual(colorOfKey(first));
    expect(second.every((s) => !s.isNew)).toBe(true);
  });

  test("a new segment takes a colour no other segment of the run has, and not the colour of a persona that may come back", () => {
    const active = [segment(0, "A", "blue", [0, 0]), segment(1, "B", "emerald", [10, 0])];
    const absent = [segment(2, "C", "violet", [100, 100], 1)];
    const keyed = assignSegmentKeys(
      [persona(0, "A"), persona(1, "B"), persona(2, "D")],
      [
        [0, 0],
        [10, 0],
        [-50, 40],
      ],
      history({ active, absent, largestKey: 2 }),
    );
    expect(brief(keyed).map(({ color, isNew }) => ({ color, isNew }))).toEqual([
      { color: "blue", isNew: false },
      { color: "emerald", isNew: false },
      { color: "amber", isNew: true },
    ]);
  });

  test("two stored segments that shared a colour are told apart: the second takes a free one", () => {
    const active = [segment(0, "A", "rose", [0, 0]), segment(1, "B", "rose", [10, 0])];
    const colors = assignSegmentKeys(
      [persona(0, "A"), persona(1, "B")],
      [
        [0, 0],
        [10, 0],
      ],
      history({ active, largestKey: 1 }),
    ).map((s) => s.color);
    expect(colors).toEqual(["rose", "blue"]);
  });
});
