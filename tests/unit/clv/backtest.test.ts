import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  averageRanks,
  chooseBacktestWindow,
  fitClv,
  gradeBacktest,
  predictHoldoutPurchases,
  spearman,
  measureTopShare,
  type BacktestFigures,
} from "@/lib/ml/clv";
import { CDNOW_WITH_SPEND, readCdnow } from "@/tests/support/readCdnow";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("rank statistics", () => {
  test("tied values share the mean of their ranks", () => {
    expect([...averageRanks([10, 20, 20, 5, 20])]).toEqual([2, 4, 4, 1, 4]);
  });

  test.each([
    { a: [1, 2, 3, 4], b: [10, 20, 30, 40], rho: 1 },
    { a: [1, 2, 3, 4], b: [4, 3, 2, 1], rho: -1 },
    // Ranks a = (1, 2, 3, 4), b = (1.5, 1.5, 3, 4): covariance 4.5 / sqrt(5 · 4.5).
    { a: [1, 2, 3, 4], b: [0, 0, 5, 9], rho: 4.5 / Math.sqrt(5 * 4.5) },
    { a: [1, 2, 3], b: [7, 7, 7], rho: 0 },
  ])("Spearman of $a and $b is $rho", ({ a, b, rho }) => {
    expect(spearman(a, b)).toBeCloseTo(rho, 12);
  });

  test("the top 10% rounds up and keeps input order among ties", () => {
    // 11 rows: the top 10% is 2 rows; scores tie at 5 for rows 1 and 2, so rows 0 and 1 are taken.
    const score = [9, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1];
    const value = [10, 20, 30, 5, 5, 5, 5, 5, 5, 5, 5];
    expect(measureTopShare(score, value, 0.1)).toBeCloseTo(30 / 100, 12);
  });

  test("bad input is refused with what is wrong", () => {
    expect(() => spearman([1, 2], [1])).toThrow("spearman: columns of 2 and 1 values");
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow("spearman: value at index 1 is not finite");
    expect(() => measureTopShare([1], [0], 0.1)).toThrow("do not sum to a positive total");
  });
});

describe("chooseBacktestWindow", () => {
  test("holds out a quarter of the span in whole weeks, the cutoff day closing the calibration period", () => {
    // 2024-01-01 to 2025-12-29: 104 weeks, a quarter of which is 26.
    expect(chooseBacktestWindow(day("2024-01-01"), day("2025-12-29"))).toEqual({
      calibrationEnd: day("2025-06-30"),
      holdoutEnd: day("2025-12-29"),
      holdoutWeeks: 26,
      holdoutDays: 182,
    });
  });

  test("holds out at least 8 weeks", () => {
    const window = chooseBacktestWindow(day("2024-01-01"), day("2024-07-01"));
    expect(window).toMatchObject({ holdoutWeeks: 8, calibrationEnd: day("2024-05-06") });
  });

  test("a whole number of weeks is required when set", () => {
    expect(() => chooseBacktestWindow(day("2024-01-01"), day("2025-01-01"), 2.5)).toThrow("holdoutWeeks must be a whole number of weeks >= 1, got 2.5");
  });
});

describe("gradeBacktest", () => {
  const figures: BacktestFigures = {
    customers: 1000,
    predictedPurchases: 9870,
    actualPurchases: 10210,
    predictedRevenue: 1,
    actualRevenue: 1,
    byFrequency: [],
    mae: 0.6,
    baselineMae: 0.8,
    spearman: 0.45,
    topDecileShare: { byPredicted: 0.48, byPastSpend: 0.45 },
  };

  test("says what was predicted, against what, and how it ranks, in plain words", () => {
    expect(gradeBacktest(figures, 13)).toEqual({
      level: "good",
      sentence:
        "Predicted 9,870 repeat purchases in the last 13 weeks against 10,210 actual (−3%); misses a customer's purchases by 0.60 on average, against 0.80 for their past purchase rate; ranks customers' hold-out spend with Spearman 0.45; its top 10% brought 48% of hold-out revenue, against 45% for the top 10% by past spend.",
    });
  });

  test.each([
    { change: { spearman: 0.2 }, level: "fair" },
    { change: { predictedPurchases: 7000 }, level: "fair" },
    { change: { mae: 0.8 }, level: "poor" },
    { change: { spearman: 0.05 }, level: "poor" },
    { change: { predictedPurchases: 4000 }, level: "poor" },
  ])("$change grades $level", ({ change, level }) => {
    expect(gradeBacktest({ ...figures, ...change }, 13).level).toBe(level);
  });
});

describe.skipIf(!existsSync(CDNOW_WITH_SPEND))("CDNOW 39-week calibration (needs ../shared/data/cdnow)", () => {
  test("predicts the next 39 weeks as Hardie's spreadsheet and lifetimes do", () => {
    const cdnow = readCdnow();
    const model = fitClv(cdnow);
    // Customer 1: x = 2, t_x = 30.43, T = 38.86; E[Y(39) | x, t_x, T] = 1.226 in lifetimes' test against Hardie's Excel sheet.
    expect([cdnow.frequency[0], cdnow.recency[0], cdnow.T[0]]).toEqual([2, 30.43, 38.86]);
    const predicted = predictHoldoutPurchases(model, cdnow, 39);
    expect(predicted[0]).toBeCloseTo(1.226, 3);
  });
});

if (!existsSync(CDNOW_WITH_SPEND)) console.warn(`CDNOW check skipped: ${CDNOW_WITH_SPEND} is absent`);
