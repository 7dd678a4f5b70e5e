import { describe, expect, test } from "vitest";
import { DEFAULT_ECONOMICS } from "@/lib/campaign/economics";
import { planCampaign } from "@/lib/campaign/plan";
import { recommendCampaign } from "@/lib/campaign/recommended";
import { buildTargeting } from "@/lib/campaign/targeting";

describe("the recommended campaign", () => {
  test("mails every scored customer above break-even (3/11): tied scores together, one exactly at break-even left out", () => {
    const keys = [4, 4, 7, 7, 7, 4, 9];
    const scores = [0.5, 0.3, 0.5, 0.3, 3 / 11, 0.1, NaN];
    const campaign = recommendCampaign(keys, scores, DEFAULT_ECONOMICS);
    expect(campaign).toMatchObject({ contacts: 4, threshold: 0.3, scored: 6, cost: 12, economics: DEFAULT_ECONOMICS });
    expect(campaign.breakEven).toBe(3 / 11);
    expect(campaign.expectedResponders).toBeCloseTo(1.6, 12);
    expect(campaign.revenue).toBeCloseTo(17.6, 12);
    expect(campaign.profit).toBeCloseTo(5.6, 12);
    expect(campaign.roi).toBeCloseTo(5.6 / 12, 12);
    expect(campaign.segments).toEqual([
      { segmentKey: 4, contacts: 2 },
      { segmentKey: 7, contacts: 2 },
    ]);
  });

  test("no other cut of the sorted scores earns more", () => {
    const scores = [0.91, 0.62, 0.4, 0.29, 0.2728, 0.2726, 0.25, 0.1, 0.02];
    const campaign = recommendCampaign(
      scores.map(() => 0),
      scores,
      DEFAULT_ECONOMICS,
    );
    expect(campaign).toMatchObject({ contacts: 5, threshold: 0.2728 });
    for (let n = 0; n <= scores.length; n++) {
      const cut = scores.slice(0, n);
      const profit = 11 * cut.reduce((sum, p) => sum + p, 0) - 3 * n;
      expect(profit).toBeLessThanOrEqual(campaign.profit + 1e-12);
    }
  });

  test("when no contact pays the audience is empty and there is no threshold", () => {
    const campaign = recommendCampaign([1, 2], [0.2, 0.1], DEFAULT_ECONOMICS);
    expect(campaign).toMatchObject({ contacts: 0, threshold: null, scored: 2, profit: 0, roi: null, segments: [] });
    expect(recommendCampaign([1], [0.99], { costPerContact: 3, revenuePerResponse: 0 })).toMatchObject({ contacts: 0, threshold: null });
  });

  test.each([
    [[1, 2], [0.5], DEFAULT_ECONOMICS, /2 segment keys but 1 probabilities/],
    [[1], [0.5], { costPerContact: -1, revenuePerResponse: 11 }, /costPerContact must be a finite number ≥ 0, got -1/],
    [[1], [0.5], { costPerContact: 3, revenuePerResponse: NaN }, /revenuePerResponse must be a finite number ≥ 0, got NaN/],
  ])("bad input is refused with what is wrong (%#)", (keys, scores, economics, message) => {
    expect(() => recommendCampaign(keys, scores, economics)).toThrow(message);
  });
});

describe("the planner agrees with the recommended campaign", () => {
  // 0.274 pays (11 × 0.274 > 3) and 0.2701 does not; both fall in the bin [0.270, 0.275), whose sum (0.5441 × 11 < 6) does not pay as a whole.
  const keys = [0, 1, 0, 1, 0];
  const scores = [0.9, 0.5, 0.274, 0.2701, 0.05];
  const campaign = recommendCampaign(keys, scores, DEFAULT_ECONOMICS);
  const settings = { segments: [], mode: "threshold" as const, top: 0, economics: DEFAULT_ECONOMICS };

  test("with the recommended threshold as a bin edge, the most profitable audience and the opening audience are exactly it", () => {
    expect(campaign).toMatchObject({ contacts: 3, threshold: 0.274 });
    const plan = planCampaign(buildTargeting(keys, scores, { cuts: [campaign.threshold!] }), { ...settings, threshold: campaign.threshold! });
    expect(plan.best).toMatchObject({ contacts: 3, threshold: 0.274 });
    expect(plan.best.profit).toBeCloseTo(campaign.profit, 12);
    expect(plan.audience.contacts).toBe(3);
    expect(plan.audience.profit).toBeCloseTo(campaign.profit, 12);
  });

  test("on uniform bins alone the best cut falls at a bin edge and misses a customer who pays", () => {
    const plan = planCampaign(buildTargeting(keys, scores), { ...settings, threshold: campaign.threshold! });
    expect(plan.best.contacts).toBe(2);
    expect(plan.best.profit).toBeLessThan(campaign.profit);
  });
});
