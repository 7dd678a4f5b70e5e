import { describe, expect, test } from "vitest";
import { measureScoreDrift, buildScoreReference, measureSegmentShareDrift, buildSegmentShareReference } from "@/lib/ml/drift";
import { createRng } from "@/lib/ml/random";

/** Response-probability-like scores in [0, 1), skewed low like a campaign with a 15% response rate. */
function scores(seed: number, power: number, rows = 5000): number[] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => rng.next() ** power);
}

describe("score drift", () => {
  const reference = buildScoreReference(scores(1, 3));

  test("a fresh draw of the same score distribution does not drift", () => {
    expect(measureScoreDrift(reference, scores(2, 3))).toMatchObject({ name: "score", kind: "numeric", severity: "none", drifted: false });
  });

  test("scores pushed upwards drift significantly", () => {
    // u^1.5 against u^3: the median moves from 0.125 to 0.354.
    expect(measureScoreDrift(reference, scores(2, 1.5))).toMatchObject({ severity: "significant", drifted: true });
  });
});

describe("segment share drift", () => {
  const reference = buildSegmentShareReference(Int32Array.from({ length: 400 }, (_, i) => i % 4));

  test("records numeric segment ids as category names", () => {
    expect(reference).toMatchObject({ name: "segment", categories: ["0", "1", "2", "3"], shares: [0.25, 0.25, 0.25, 0.25] });
  });

  test("unchanged shares do not drift", () => {
    expect(measureSegmentShareDrift(reference, [3, 2, 1, 0])).toMatchObject({ psi: 0, jsDistance: 0, drifted: false });
  });

  test("a segment that did not exist is reported as new", () => {
    // 0..4 in turn: segment 4 takes a fifth of the rows.
    const drift = measureSegmentShareDrift(
      reference,
      Array.from({ length: 500 }, (_, i) => i % 5),
    );
    expect(drift).toMatchObject({ newCategories: ["4"], severity: "significant", drifted: true });
  });
});
