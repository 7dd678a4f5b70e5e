import { describe, expect, test } from "vitest";
import { METRIC_RANGES, fitMetricWindow, findNiceStep } from "@/lib/charts/niceScale";

describe("round axis steps", () => {
  test.each([
    [56, 100],
    [0.5, 0.5],
    [3, 5],
    [1.5, 2],
    [0.13, 0.2],
    [1, 1],
    [24, 50],
  ])("%d rounds up to %d", (rough, step) => {
    expect(findNiceStep(rough)).toBe(step);
  });

  test("a step must be positive", () => {
    expect(() => findNiceStep(0)).toThrow("expected a positive number, got 0");
  });
});

describe("metric axis windows", () => {
  test("AUCs near 0.87 get 0.8 to 1 in steps of 0.05, never past 1", () => {
    expect(fitMetricWindow([0.861, 0.874], METRIC_RANGES.auc)).toEqual({ min: 0.8, max: 1 });
  });

  test("an AUC of 1 stays at 1", () => {
    expect(fitMetricWindow([0.97, 1], METRIC_RANGES.auc)).toEqual({ min: 0.8, max: 1 });
  });

  test("silhouettes near 0.2 get a window of 0.2 to 0.4 that holds them", () => {
    expect(fitMetricWindow([0.21, 0.26], METRIC_RANGES.silhouette)).toEqual({ min: 0.2, max: 0.4 });
  });

  test("a silhouette near 0 goes below 0 only as far as the values do, and never below -1", () => {
    expect(fitMetricWindow([0.02, 0.05], METRIC_RANGES.silhouette)).toEqual({ min: 0, max: 0.2 });
    expect(fitMetricWindow([-0.03, 0.3], METRIC_RANGES.silhouette)).toEqual({ min: -0.1, max: 0.3 });
    expect(fitMetricWindow([-1, 1], METRIC_RANGES.silhouette)).toEqual({ min: -1, max: 1 });
  });

  test("widely spread AUCs fall back to wider steps, inside 0 to 1", () => {
    expect(fitMetricWindow([0.3, 0.9], METRIC_RANGES.auc)).toEqual({ min: 0, max: 1 });
  });

  test("no values, no window", () => {
    expect(fitMetricWindow([null, undefined], METRIC_RANGES.auc)).toBeNull();
  });
});
