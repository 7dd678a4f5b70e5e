import { describe, expect, test } from "vitest";
import { computeReferenceStats, type CategoricalReference, type NumericReference } from "@/lib/ml/drift";

const numeric = (name: string, values: number[]) => ({ name, kind: "numeric" as const, values: Float64Array.from(values) });

function numericRef(values: number[], options = {}): NumericReference {
  return computeReferenceStats([numeric("x", values)], options).features[0] as NumericReference;
}

describe("numeric reference", () => {
  test("records mean, population sd, range and missing count of the present values", () => {
    // Present: 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, Σ(x−5)² = 9+1+1+1+0+0+4+16 = 32, sd = √(32/8) = 2.
    const reference = numericRef([2, 4, NaN, 4, 4, 5, 5, 7, 9, NaN]);
    expect(reference).toMatchObject({ rows: 10, missing: 2, mean: 5, sd: 2, min: 2, max: 9, missingShare: 0.2 });
  });

  test("cuts deciles, collapses repeated edges and keeps a tie in one bin", () => {
    // Six zeros then 1..14 (n = 20, 15 distinct). Decile p at position p·19 with interpolation:
    // 1.9→0, 3.8→0, 5.7→0.7, 7.6→2.6, 9.5→4.5, 11.4→6.4, 13.3→8.3, 15.2→10.2, 17.1→12.1.
    // The two zeros collapse into one edge; the six zeros all fall in (−∞, 0].
    const values = [0, 0, 0, 0, 0, 0, ...Array.from({ length: 14 }, (_, i) => i + 1)];
    const reference = numericRef(values);
    expect(reference.binEdges.map((edge) => Number(edge.toFixed(10)))).toEqual([0, 0.7, 2.6, 4.5, 6.4, 8.3, 10.2, 12.1]);
    // Counts: 6 zeros, none in (0, 0.7], then two integers per bin up to {13, 14} above 12.1.
    expect(reference.binShares).toEqual([0.3, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
  });

  test("gives a column with few distinct values one bin per value", () => {
    // A 0/1 flag that is 95% ones has every decile at 1; per-value bins keep the 5% visible.
    const flag = [...new Array(5).fill(0), ...new Array(95).fill(1)];
    expect(numericRef(flag)).toMatchObject({ binEdges: [0], binShares: [0.05, 0.95] });
  });

  test("gives a constant column a single bin", () => {
    expect(numericRef([3, 3, 3, 3])).toMatchObject({ binEdges: [], binShares: [1], sd: 0, sketch: [3, 3, 3, 3] });
  });

  test("counts bin shares over all rows so that bins and missing sum to 1", () => {
    const reference = numericRef([1, 2, NaN, NaN]);
    expect(reference.binShares).toEqual([0.25, 0.25]);
    expect(reference.missingShare).toBe(0.5);
  });

  test("stores nulls rather than NaN for a column with no present value", () => {
    const reference = numericRef([NaN, NaN]);
    expect(reference).toMatchObject({ mean: null, sd: null, min: null, max: null, binEdges: [], sketch: [], missingShare: 1 });
  });

  test("keeps the whole sorted sample when it fits in the sketch and a thinned one otherwise", () => {
    expect(numericRef([5, 1, 3]).sketch).toEqual([1, 3, 5]);
    const large = numericRef(
      Array.from({ length: 1000 }, (_, i) => 999 - i),
      { sketchSize: 10 },
    );
    // Ranks ⌊(i + ½)·100⌋ = 50, 150, …, 950 of 0..999.
    expect(large.sketch).toEqual([50, 150, 250, 350, 450, 550, 650, 750, 850, 950]);
  });
});

describe("categorical reference", () => {
  test("records category shares in first-seen order plus the missing share", () => {
    const reference = computeReferenceStats([{ name: "education", kind: "categorical", values: ["PhD", "Basic", "PhD", null, "PhD"] }])
      .features[0] as CategoricalReference;
    expect(reference).toMatchObject({ rows: 5, missing: 1, categories: ["PhD", "Basic"], shares: [0.6, 0.2], missingShare: 0.2 });
  });
});

describe("reference checks", () => {
  test("is plain JSON that survives a round trip", () => {
    const reference = computeReferenceStats([numeric("age", [30, 40, NaN]), { name: "c", kind: "categorical", values: ["a", null, "b"] }]);
    expect(JSON.parse(JSON.stringify(reference))).toEqual(reference);
  });

  test.each([
    ["an infinite value", [numeric("x", [1, Infinity])], /value Infinity at row 1 is not finite/],
    ["columns of different lengths", [numeric("x", [1, 2]), numeric("y", [1])], /"y" has 1 rows, "x" has 2/],
    ["a repeated name", [numeric("x", [1]), numeric("x", [2])], /"x" appears twice/],
    ["no rows", [numeric("x", [])], /no rows/],
    ["a number in a categorical column", [{ name: "c", kind: "categorical" as const, values: [1 as unknown as string] }], /row 0 is not a string/],
  ])("rejects %s", (_, columns, message) => {
    expect(() => computeReferenceStats(columns)).toThrow(message);
  });

  test("rejects a bin count below 2", () => {
    expect(() => computeReferenceStats([numeric("x", [1])], { bins: 1 })).toThrow(/bins = 1/);
  });
});
