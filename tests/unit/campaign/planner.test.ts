import { describe, expect, test } from "vitest";
import { campaignQuery } from "@/lib/campaign/audience";
import { DEFAULT_ECONOMICS } from "@/lib/campaign/economics";
import { planCampaign } from "@/lib/campaign/plan";
import {
  findBestPoint,
  buildCumulativeCurve,
  buildGainsCurve,
  findPointAtThreshold,
  computeRandomPickOutcome,
  countRespondersAtSize,
} from "@/lib/campaign/planner";
import type { TargetingAggregate } from "@/lib/campaign/targeting";

// 4 bins of width 0.25. Segment 1: 10 customers at mean 0.9, 10 at mean 0.1. Segment 2: 20 at mean 0.6, 60 at mean 0.1.
const aggregate: TargetingAggregate = {
  bins: 4,
  unscored: 0,
  segments: [
    { segmentKey: 1, counts: [10, 0, 0, 10], sums: [1, 0, 0, 9] },
    { segmentKey: 2, counts: [60, 0, 20, 0], sums: [6, 0, 12, 0] },
  ],
};

describe("campaign planner", () => {
  const curve = buildCumulativeCurve(aggregate);

  test("the cumulative curve walks the bins from the most likely down", () => {
    expect(curve).toEqual([
      { threshold: 1, contacts: 0, expectedResponders: 0 },
      { threshold: 0.75, contacts: 10, expectedResponders: 9 },
      { threshold: 0.5, contacts: 30, expectedResponders: 21 },
      { threshold: 0.25, contacts: 30, expectedResponders: 21 },
      { threshold: 0, contacts: 100, expectedResponders: 28 },
    ]);
    expect(buildCumulativeCurve(aggregate, [1]).at(-1)).toEqual({ threshold: 0, contacts: 20, expectedResponders: 10 });
  });

  test("an audience cut inside a bin is interpolated at the bin's mean probability", () => {
    expect(countRespondersAtSize(curve, 0)).toBe(0);
    expect(countRespondersAtSize(curve, 5)).toBeCloseTo(4.5, 12);
    expect(countRespondersAtSize(curve, 20)).toBeCloseTo(15, 12);
    expect(countRespondersAtSize(curve, 65)).toBeCloseTo(24.5, 12);
    expect(countRespondersAtSize(curve, 1_000)).toBeCloseTo(28, 12);
  });

  test("a threshold takes every bin at or above it, rounded down to a bin edge", () => {
    expect(findPointAtThreshold(curve, 0.75)).toMatchObject({ contacts: 10, expectedResponders: 9 });
    expect(findPointAtThreshold(curve, 0.6)).toMatchObject({ contacts: 30, expectedResponders: 21 });
    expect(findPointAtThreshold(curve, 0.5)).toMatchObject({ contacts: 30, expectedResponders: 21 });
    expect(findPointAtThreshold(curve, 0)).toMatchObject({ contacts: 100 });
  });

  test("at cost 3 and revenue 11 the best audience is the 30 above 0.5: profit 11·21 − 3·30 = 141", () => {
    const best = findBestPoint(curve, DEFAULT_ECONOMICS);
    expect(best).toMatchObject({ contacts: 30, expectedResponders: 21 });
    expect(findBestPoint(curve, { costPerContact: 100, revenuePerResponse: 1 })).toMatchObject({ contacts: 0 });
  });

  test("a random pick of 30 from the base of 100 finds 30 × 0.28 = 8.4 responders", () => {
    const random = computeRandomPickOutcome(30, curve.at(-1)!, DEFAULT_ECONOMICS);
    expect(random.expectedResponders).toBeCloseTo(8.4, 12);
    expect(random.profit).toBeCloseTo(11 * 8.4 - 90, 12);
    expect(random.roi).toBeCloseTo((11 * 8.4 - 90) / 90, 12);
  });

  test("gains and lift: the top 10% hold 9 of 28 expected responders, a lift of 3.21", () => {
    const gains = buildGainsCurve(curve, 10);
    expect(gains).toHaveLength(11);
    expect(gains[0]).toEqual({ contacted: 0, gain: 0, lift: null });
    expect(gains[1].gain).toBeCloseTo(9 / 28, 12);
    expect(gains[1].lift).toBeCloseTo(90 / 28, 12);
    expect(gains[10].gain).toBeCloseTo(1, 12);
    expect(gains[10].lift).toBeCloseTo(1, 12);
  });
});

describe("campaign query", () => {
  test("defaults to the data's economics, a 10% control group and a probability threshold", () => {
    expect(campaignQuery.parse({})).toEqual({
      segments: [],
      mode: "threshold",
      threshold: undefined,
      top: undefined,
      cost: 3,
      revenue: 11,
      control: 0.1,
      seed: 1,
    });
  });

  test("reads segments as a comma list and refuses out-of-range values", () => {
    expect(campaignQuery.parse({ segments: "2,5", mode: "top", top: "500", cost: "2.5" })).toMatchObject({
      segments: [2, 5],
      mode: "top",
      top: 500,
      cost: 2.5,
    });
    expect(campaignQuery.safeParse({ threshold: "1.5" }).success).toBe(false);
    expect(campaignQuery.safeParse({ control: "0.9" }).success).toBe(false);
    expect(campaignQuery.safeParse({ segments: "a" }).success).toBe(false);
  });
});

describe("a whole campaign plan", () => {
  const economics = DEFAULT_ECONOMICS;

  test("the top 20 of everyone against mailing all 100 and a random 20", () => {
    const plan = planCampaign(aggregate, { segments: [], mode: "top", threshold: 0, top: 20, economics });
    expect(plan.audience).toMatchObject({ contacts: 20, cost: 60 });
    expect(plan.audience.expectedResponders).toBeCloseTo(15, 12);
    expect(plan.audience.profit).toBeCloseTo(165 - 60, 12);
    expect(plan.audience.roi).toBeCloseTo(105 / 60, 12);
    expect(plan.everyone).toMatchObject({ contacts: 100, cost: 300 });
    expect(plan.everyone.profit).toBeCloseTo(11 * 28 - 300, 12);
    expect(plan.random.expectedResponders).toBeCloseTo(20 * 0.28, 12);
    expect(plan.best).toMatchObject({ contacts: 30, threshold: 0.5 });
    expect(plan.best.profit).toBeCloseTo(141, 12);
  });

  test("segment 1 alone: everyone in it, its best cut is its 10 likely responders", () => {
    const plan = planCampaign(aggregate, { segments: [1], mode: "segments", threshold: 0, top: 0, economics });
    expect(plan.available).toBe(20);
    expect(plan.audience).toMatchObject({ contacts: 20, cost: 60 });
    expect(plan.audience.expectedResponders).toBeCloseTo(10, 12);
    expect(plan.best).toMatchObject({ contacts: 10, threshold: 0.75 });
    expect(plan.best.profit).toBeCloseTo(99 - 30, 12);
    expect(plan.profitCurve.map((point) => point.contacts)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    // 10 likely responders (0.9 each) first, then 10 at 0.1: profit 11 × 9 − 30 at 10 contacts, 11 × 10 − 60 at 20.
    expect(plan.profitCurve[10].profit).toBeCloseTo(69, 12);
    expect(plan.profitCurve[20].profit).toBeCloseTo(50, 12);
  });

  test("with a segment ticked, 'everyone' and the random pick are from that segment, not the whole base", () => {
    const plan = planCampaign(aggregate, { segments: [1], mode: "top", threshold: 0, top: 5, economics });
    expect(plan.inChosenSegments).toBe(true);
    expect(plan.everyone).toMatchObject({ contacts: 20, cost: 60 });
    expect(plan.everyone.expectedResponders).toBeCloseTo(10, 12);
    // Segment 1 responds at 10 / 20 = 0.5, the base at 0.28.
    expect(plan.random.expectedResponders).toBeCloseTo(5 * 0.5, 12);
    expect(planCampaign(aggregate, { segments: [], mode: "top", threshold: 0, top: 5, economics }).inChosenSegments).toBe(false);
  });

  test("the profit curve of 100 customers is drawn at round sizes: 0, 5, 10 … 100", () => {
    const plan = planCampaign(aggregate, { segments: [], mode: "segments", threshold: 0, top: 0, economics });
    expect(plan.profitCurve.map((point) => point.contacts)).toEqual(Array.from({ length: 21 }, (_, i) => i * 5));
    // The first 10 hold 9 expected responders: 11 × 9 − 3 × 10.
    expect(plan.profitCurve[2].profit).toBeCloseTo(69, 12);
  });

  test("a top N beyond the segment's size contacts everyone in it", () => {
    const plan = planCampaign(aggregate, { segments: [1], mode: "top", threshold: 0, top: 500, economics });
    expect(plan.audience.contacts).toBe(20);
  });
});
