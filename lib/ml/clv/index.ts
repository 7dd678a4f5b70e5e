/**
 * Customer lifetime value: BG/NBD purchase counts, Gamma-Gamma spend, discounted CLV with
 * parameter-uncertainty intervals, and the summaries they are fitted on.
 */
export {
  createSpendPredictor,
  fitClv,
  scoreClv,
  fitSpendShrinkage,
  repeatBuyers,
  type ClvModel,
  type ClvScores,
  type FitClvOptions,
  type ScoreClvOptions,
} from "./clvModel";
export {
  fitBgNbd,
  bgnbdLogLikelihood,
  probabilityAlive,
  expectedPurchases,
  expectedPurchasesIfAlive,
  purchasesIfAliveAt,
  type BgNbdParams,
  type BgNbdFit,
  type BgNbdFitOptions,
} from "./bgnbd";
export {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  conditionalExpectedSpend,
  type GammaGammaParams,
  type GammaGammaFit,
  type GammaGammaFitOptions,
} from "./gammaGamma";
export { lifetimeValue, historicalClv, buildMonthGrid, purchasesIfAlive, PERIODS_PER_MONTH, type LifetimeValueOptions, type MonthGrid } from "./lifetimeValue";
export { clvIntervals, createIntervalTables, type IntervalOptions, type IntervalTables, type CustomerColumns } from "./clvInterval";
export { validateSummary, SummaryValidationError, type RfmSummary, type SummaryField } from "./rfmSummary";
export { summaryFromOrders, summaryFromProfiles, type CustomerRfmSummary, type OrdersSummary, type ProfilesSummary } from "./summary";
export { simulateBgNbd, simulateGammaGamma, simulateTransactionLog, sampleGamma, sampleBeta, type SimulatedLog } from "./simulate";
export { minimize, numericalGradient, numericalHessian, type MinimizeOptions, type MinimizeResult, type Objective } from "./optimize";
export { lgamma, lgammaRatio, hyp2f1, hyp2f1Scaled } from "./special";
export { sampleRows, selectRows, allRows } from "./sample";
export {
  chooseBacktestWindow,
  evaluateBacktest,
  predictHoldoutPurchases,
  MIN_PERIOD_WEEKS,
  type BacktestActuals,
  type BacktestFigures,
  type BacktestWindow,
} from "./backtest";
export { gradeBacktest, GRADE_RULE, type BacktestGradeLevel } from "./backtestGrade";
export { averageRanks, spearman, measureTopShare } from "./rankStats";
