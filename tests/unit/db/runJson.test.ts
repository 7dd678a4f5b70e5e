import { describe, expect, test } from "vitest";
import { activeRunSummary, centroid, decisionReview, metricsGate, parseStored, runReferenceOutline } from "@/lib/db/runJson";
import { buildScoreReference, buildSegmentShareReference, computeReferenceStats } from "@/lib/ml/drift";

const outcome = { contacts: 10, expectedResponders: 2.5, cost: 30, revenue: 27.5, profit: -2.5, roi: null };
const economics = { costPerContact: 3, revenuePerResponse: 11 };

describe("stored run JSON read back through zod", () => {
  test("a summary keeps its counts, targeting and recommended campaign", () => {
    const targeting = { bins: 2, segments: [{ segmentKey: 0, counts: [1, 2], sums: [0.1, 1.4] }], unscored: 3 };
    const campaign = {
      recommended: { ...outcome, threshold: 0.27, breakEven: 0.27, scored: 40, segments: [{ segmentKey: 0, contacts: 10 }], economics },
      everyone: outcome,
      economics,
    };
    expect(parseStored(activeRunSummary, { customers: 43, expectedResponders: 6.2, targeting, campaign, segments: [] })).toEqual({
      customers: 43,
      expectedResponders: 6.2,
      targeting,
      campaign,
    });
  });

  test("a summary from before targeting and the recommended campaign reads them as absent; a legacy campaign stays", () => {
    const legacy = { everyone: outcome, targeted: outcome, threshold: null, economics };
    expect(parseStored(activeRunSummary, { customers: 5, expectedResponders: null, campaign: legacy })).toEqual({
      customers: 5,
      expectedResponders: null,
      campaign: legacy,
    });
    expect(parseStored(activeRunSummary, { customers: 5, expectedResponders: null, targeting: { bins: "x" } })).toEqual({
      customers: 5,
      expectedResponders: null,
    });
  });

  test("a summary that is not one reads as none", () => {
    expect(parseStored(activeRunSummary, null)).toBeNull();
    expect(parseStored(activeRunSummary, [1, 2])).toBeNull();
    expect(parseStored(activeRunSummary, { expectedResponders: 1 })).toBeNull();
  });

  test("the gate's figures come back with a figure stored as null read as the NaN it was; runs without a gate have none", () => {
    const gate = parseStored(metricsGate, {
      segmentation: {},
      gate: { silhouette: null, k: 4, responseAuc: 0.81, scoredShare: 1, clvBacktest: { unavailable: "no orders" } },
    });
    expect(gate).toEqual({ silhouette: Number.NaN, k: 4, responseAuc: 0.81, scoredShare: 1, clvBacktest: { unavailable: "no orders" } });
    expect(parseStored(metricsGate, { segmentation: {} })).toBeNull();
  });

  test("a decision from before review, or none at all, is not held for review", () => {
    expect(parseStored(decisionReview, { promote: false, reasons: [], review: true })?.review).toBe(true);
    expect(parseStored(decisionReview, { promote: true, reasons: [] })?.review).toBeUndefined();
    expect(parseStored(decisionReview, "garbage")).toBeNull();
  });

  test("a centroid is a list of numbers", () => {
    expect(centroid.parse([0.5, -1, null])).toEqual([0.5, -1, 0]);
    expect(centroid.safeParse({ 0: 0.5 }).success).toBe(false);
  });

  test("a run's reference statistics read back as stored; one of another shape (a seeded run's {}) as none", () => {
    const income = Float64Array.from({ length: 50 }, (_, i) => 20_000 + i * 1_000);
    // Through JSON, as the column stores it.
    const reference = JSON.parse(
      JSON.stringify({
        features: computeReferenceStats([{ name: "income", kind: "numeric", values: income }]),
        response: buildScoreReference([0.1, 0.4, 0.2, 0.9], {}, "responseProbability"),
        segments: buildSegmentShareReference(["0", "1", "1", "2"], "segment"),
      }),
    );
    expect(parseStored(runReferenceOutline, reference)).toEqual(reference);
    expect(parseStored(runReferenceOutline, { ...reference, response: null })).toEqual({ ...reference, response: null });
    for (const other of [{}, { features: {} }, { ...reference, segments: undefined }, { ...reference, features: { features: [{ mean: 1 }] } }])
      expect(parseStored(runReferenceOutline, other)).toBeNull();
  });
});
