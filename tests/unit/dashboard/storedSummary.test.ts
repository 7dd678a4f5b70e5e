import { expect, test } from "vitest";
import { readSummary } from "@/lib/dashboard/storedSummary";

const outcome = { contacts: 10, expectedResponders: 2.5, cost: 30, revenue: 27.5, profit: -2.5, roi: null };
const economics = { costPerContact: 3, revenuePerResponse: 11 };
const segment = {
  segmentKey: 0,
  size: 40,
  averageIncome: 52000,
  averageSpend: 610,
  averageClv: null,
  averageResponse: 0.12,
  aliveShare: null,
  distributions: { spendByCategory: [{ category: "Wines", amount: 300 }] },
  clvCoverage: { customers: 40, orders: 0, profiles: 38, none: 2, reasons: [] },
};
const summary = {
  customers: 40,
  revenue: 24400,
  totalClv: null,
  averageClv: null,
  clvLowTotal: null,
  clvHighTotal: null,
  aliveShare: 0.8,
  expectedResponders: 4.8,
  campaign: {
    recommended: { ...outcome, threshold: 0.27, breakEven: 0.27, scored: 40, segments: [{ segmentKey: 0, contacts: 10 }], economics },
    everyone: outcome,
    economics,
  },
  pcaSample: { points: [[0.1, -0.2, 0]] },
  segments: [segment],
};

test("a well-formed stored summary parses to the same value", () => {
  expect(readSummary(summary)).toEqual(summary);
});

test("a summary from before the campaign, coverage and PCA sample were stored still parses", () => {
  const { campaign: _campaign, pcaSample: _pcaSample, ...old } = summary;
  const oldSegment = { segmentKey: 0, size: 40, averageIncome: 52000, averageSpend: 610, averageClv: null, averageResponse: null, aliveShare: null };
  expect(readSummary({ ...old, segments: [oldSegment] })).toEqual({ ...old, segments: [oldSegment] });
  const legacy = { everyone: outcome, targeted: outcome, threshold: null, economics };
  expect(readSummary({ ...summary, campaign: legacy })?.campaign).toEqual(legacy);
});

test("a campaign that does not parse reads as absent; a summary with wrong-typed segments reads as none", () => {
  expect(readSummary({ ...summary, campaign: { everyone: "all" } })).toEqual({ ...summary, campaign: undefined });
  expect(readSummary({ ...summary, segments: "0,1" })).toBeNull();
  expect(readSummary({ ...summary, segments: [{ ...segment, size: "40" }] })).toBeNull();
  expect(readSummary(null)).toBeNull();
});
