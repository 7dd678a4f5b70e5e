/**
 * The CLV backtest's grade in plain words, for the executive summary:
 * - good: ranks hold-out spend with Spearman >= 0.3, beats the naive baseline on mean absolute
 *   error per customer, and the predicted hold-out total is within ±20% of the actual;
 * - poor: no better than the baseline (MAE >= baseline MAE), Spearman < 0.1, or the total off by
 *   more than half;
 * - fair: anything between.
 */
import type { BacktestFigures } from "./backtest";

export const GRADE_RULE = { goodSpearman: 0.3, goodTotalError: 0.2, poorSpearman: 0.1, poorTotalError: 0.5 } as const;

export type BacktestGradeLevel = "good" | "fair" | "poor";

export function gradeBacktest(figures: BacktestFigures, holdoutWeeks: number): { level: BacktestGradeLevel; sentence: string } {
  const totalError = figures.predictedPurchases / figures.actualPurchases - 1;
  const beatsBaseline = figures.mae < figures.baselineMae;
  const level: BacktestGradeLevel =
    !beatsBaseline || figures.spearman < GRADE_RULE.poorSpearman || Math.abs(totalError) > GRADE_RULE.poorTotalError
      ? "poor"
      : figures.spearman >= GRADE_RULE.goodSpearman && Math.abs(totalError) <= GRADE_RULE.goodTotalError
        ? "good"
        : "fair";
  const whole = (value: number) => Math.round(value).toLocaleString("en-US");
  const share = (value: number) => `${Math.round(value * 100)}%`;
  const percentOff = Math.round(totalError * 100);
  const signed = `${percentOff < 0 ? "−" : percentOff > 0 ? "+" : ""}${Math.abs(percentOff)}%`;
  const sentence =
    `Predicted ${whole(figures.predictedPurchases)} repeat purchases in the last ${holdoutWeeks} weeks against ${whole(figures.actualPurchases)} actual (${signed}); ` +
    `misses a customer's purchases by ${figures.mae.toFixed(2)} on average, against ${figures.baselineMae.toFixed(2)} for their past purchase rate; ` +
    `ranks customers' hold-out spend with Spearman ${figures.spearman.toFixed(2)}; ` +
    `its top 10% brought ${share(figures.topDecileShare.byPredicted)} of hold-out revenue, against ${share(figures.topDecileShare.byPastSpend)} for the top 10% by past spend.`;
  return { level, sentence };
}
