import { describe, expect, test } from "vitest";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";

const economics = { costPerContact: 3, revenuePerResponse: 11 };
const everyone = { contacts: 10, expectedResponders: 2, cost: 30, revenue: 22, profit: -8, roi: -8 / 30 };
const outcome = { contacts: 2, expectedResponders: 1.2, cost: 6, revenue: 13.2, profit: 7.2, roi: 1.2 };

describe("toCampaignView", () => {
  test("a stored recommended campaign is shown as stored", () => {
    const recommended = { ...outcome, threshold: 0.55, breakEven: 3 / 11, scored: 10, segments: [{ segmentKey: 1, contacts: 2 }], economics };
    expect(toCampaignView({ recommended, everyone, economics })).toEqual({ ...recommended, everyone, isRecorded: true });
  });

  test("a run stored before it keeps its audience above break-even; threshold, pool and segments are not recorded", () => {
    expect(toCampaignView({ everyone, targeted: outcome, threshold: 3 / 11, economics })).toEqual({
      ...outcome,
      threshold: null,
      breakEven: 3 / 11,
      scored: null,
      segments: null,
      economics,
      everyone,
      isRecorded: false,
    });
  });

  test("a run without a campaign has none to show", () => {
    expect(toCampaignView(null)).toBeNull();
    expect(toCampaignView(undefined)).toBeNull();
  });
});
