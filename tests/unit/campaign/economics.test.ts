import { describe, expect, test } from "vitest";
import { computeBreakEvenProbability, computeCampaignOutcome, DEFAULT_ECONOMICS, computeEveryoneOutcome } from "@/lib/campaign/economics";

describe("campaign economics", () => {
  test("100 contacts with 20 expected responders at 3 and 11: cost 300, revenue 220, profit -80, ROI -26.7%", () => {
    const outcome = computeCampaignOutcome(100, 20, DEFAULT_ECONOMICS);
    expect(outcome).toMatchObject({ contacts: 100, expectedResponders: 20, cost: 300, revenue: 220, profit: -80 });
    expect(outcome.roi).toBeCloseTo(-80 / 300, 12);
    expect(computeCampaignOutcome(0, 0, DEFAULT_ECONOMICS).roi).toBeNull();
  });

  test("the break-even probability is cost over revenue", () => {
    expect(computeBreakEvenProbability(DEFAULT_ECONOMICS)).toBeCloseTo(3 / 11, 15);
    expect(computeBreakEvenProbability({ costPerContact: 1, revenuePerResponse: 0 })).toBe(Infinity);
  });

  test("mailing everyone counts every customer with a response probability", () => {
    const everyone = computeEveryoneOutcome([0.9, 0.5, 0.3, 0.2, 0.05, NaN], DEFAULT_ECONOMICS);
    expect(everyone).toMatchObject({ contacts: 5, cost: 15 });
    expect(everyone.expectedResponders).toBeCloseTo(1.95, 12);
    expect(everyone.profit).toBeCloseTo(1.95 * 11 - 15, 12);
  });
});
