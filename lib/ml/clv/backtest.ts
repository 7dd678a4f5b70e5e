/**
 * The CLV backtest: a model fitted on the calibration period (order history up to a cutoff)
 * predicts the hold-out period after it, and is compared with what the customers did, as in
 * lifetimes' calibration_and_holdout_data. Time unit: days, as in summary.ts.
 * - The cutoff day belongs to the calibration period: the hold-out is the days after it.
 * - Only customers whose first purchase is in the calibration period are scored; customers first
 *   seen in the hold-out have no history to predict from and are only counted.
 * - Naive baseline: each customer's calibration purchase rate, x / T repeat purchases per day
 *   since the first purchase (0 when T = 0), times the hold-out length.
 */
import { probabilityAlive, purchasesIfAliveAt } from "./bgnbd";
import { createSpendPredictor, type ClvModel } from "./clvModel";
import { spearman, measureTopShare } from "./rankStats";
import type { RfmSummary } from "./rfmSummary";
import type { CustomerRfmSummary } from "./summary";

const DAY_MS = 86_400_000;
/** Both periods need at least this many weeks: less shows too few repeat purchases to fit or to check. */
export const MIN_PERIOD_WEEKS = 8;
/** Default hold-out: this share of the span, rounded to whole weeks, at least MIN_PERIOD_WEEKS. */
export const DEFAULT_HOLDOUT_SHARE = 0.25;
/** The calibration-versus-holdout chart groups calibration frequencies 0 … 5 and "6+". */
const FREQUENCY_GROUPS = 6;

export interface BacktestWindow {
  /** The last calibration day (inclusive), and the last hold-out day. */
  calibrationEnd: Date;
  holdoutEnd: Date;
  holdoutWeeks: number;
  holdoutDays: number;
}

/** Splits the span from the first purchase to `end` (both days inclusive); the reason in words when it is too short. */
export function chooseBacktestWindow(firstPurchase: Date, end: Date, holdoutWeeks?: number): BacktestWindow | { reason: string } {
  const first = Math.floor(firstPurchase.getTime() / DAY_MS);
  const last = Math.floor(end.getTime() / DAY_MS);
  if (!Number.isFinite(first) || !Number.isFinite(last)) throw new RangeError("chooseBacktestWindow: the dates are not valid");
  if (holdoutWeeks !== undefined && !(Number.isInteger(holdoutWeeks) && holdoutWeeks >= 1)) {
    throw new RangeError(`holdoutWeeks must be a whole number of weeks >= 1, got ${holdoutWeeks}`);
  }
  const spanWeeks = (last - first) / 7;
  const weeks = holdoutWeeks ?? Math.max(MIN_PERIOD_WEEKS, Math.round(spanWeeks * DEFAULT_HOLDOUT_SHARE));
  const calibrationWeeks = spanWeeks - weeks;
  const span = `The order history spans ${spanWeeks.toFixed(1)} weeks`;
  if (weeks < MIN_PERIOD_WEEKS) {
    return { reason: `A hold-out of ${weeks} weeks is too short to check predictions against; at least ${MIN_PERIOD_WEEKS} are needed.` };
  }
  if (calibrationWeeks < MIN_PERIOD_WEEKS) {
    return {
      reason: `${span}: holding out the last ${weeks} leaves ${Math.max(0, calibrationWeeks).toFixed(1)} to fit on, and the backtest needs at least ${MIN_PERIOD_WEEKS} weeks for each.`,
    };
  }
  const holdoutDays = weeks * 7;
  return { calibrationEnd: new Date((last - holdoutDays) * DAY_MS), holdoutEnd: new Date(last * DAY_MS), holdoutWeeks: weeks, holdoutDays };
}

/** Per calibration customer (rows of the calibration summary): what happened in the hold-out, and spend before it. */
export interface BacktestActuals {
  /** Distinct purchase days in the hold-out. */
  purchases: Float64Array;
  /** Net spend in the hold-out (sales less returns). */
  spend: Float64Array;
  /** Net spend in the calibration period, for the past-spend ranking. */
  pastSpend: Float64Array;
}

export interface BacktestFigures {
  customers: number;
  predictedPurchases: number;
  actualPurchases: number;
  /** Hold-out revenue: predicted (Σ predicted purchases × expected spend per purchase) and actual (net). */
  predictedRevenue: number;
  actualRevenue: number;
  byFrequency: { frequency: string; customers: number; predicted: number; actual: number }[];
  mae: number;
  baselineMae: number;
  spearman: number;
  topDecileShare: { byPredicted: number; byPastSpend: number };
}

/**
 * Compares the model's hold-out predictions with the actuals. Predicted value per customer =
 * E[hold-out purchases | x, t_x, T] × E[spend per purchase | x, m]. Throws when nobody bought in
 * the hold-out, since then there is nothing to rank or share. Frequency groups without customers are left out.
 */
export function evaluateBacktest(model: ClvModel, calibration: CustomerRfmSummary, actuals: BacktestActuals, holdoutDays: number): BacktestFigures {
  const { frequency, T, monetary } = calibration;
  const n = frequency.length;
  for (const [name, column] of Object.entries(actuals)) {
    if (column.length !== n) throw new RangeError(`evaluateBacktest: ${name} has ${column.length} values for ${n} customers`);
  }
  if (!(holdoutDays > 0)) throw new RangeError(`evaluateBacktest: holdoutDays must be > 0, got ${holdoutDays}`);
  const predicted = predictHoldoutPurchases(model, calibration, holdoutDays);
  const spendPerPurchase = createSpendPredictor(model);
  const value = predicted.map((purchases, i) => purchases * spendPerPurchase(frequency[i], monetary[i]));
  let modelError = 0;
  let baselineError = 0;
  let predictedTotal = 0;
  let actualTotal = 0;
  const groups = Array.from({ length: FREQUENCY_GROUPS + 1 }, () => ({ customers: 0, predicted: 0, actual: 0 }));
  for (let i = 0; i < n; i++) {
    const actual = actuals.purchases[i];
    const baseline = T[i] > 0 ? (frequency[i] / T[i]) * holdoutDays : 0;
    modelError += Math.abs(predicted[i] - actual);
    baselineError += Math.abs(baseline - actual);
    predictedTotal += predicted[i];
    actualTotal += actual;
    const group = groups[Math.min(frequency[i], FREQUENCY_GROUPS)];
    group.customers++;
    group.predicted += predicted[i];
    group.actual += actual;
  }
  if (!(actualTotal > 0)) throw new RangeError("no customer of the calibration period bought in the hold-out period");
  const actualRevenue = actuals.spend.reduce((sum, spend) => sum + spend, 0);
  if (!(actualRevenue > 0)) throw new RangeError("the hold-out spend of the calibration customers nets to zero or less after returns");
  return {
    customers: n,
    predictedPurchases: predictedTotal,
    actualPurchases: actualTotal,
    predictedRevenue: value.reduce((sum, v) => sum + v, 0),
    actualRevenue,
    byFrequency: groups
      .map((group, x) => ({
        frequency: x === FREQUENCY_GROUPS ? `${x}+` : String(x),
        customers: group.customers,
        predicted: group.customers > 0 ? group.predicted / group.customers : 0,
        actual: group.customers > 0 ? group.actual / group.customers : 0,
      }))
      .filter((group) => group.customers > 0),
    mae: modelError / n,
    baselineMae: baselineError / n,
    spearman: spearman(value, actuals.spend),
    topDecileShare: { byPredicted: measureTopShare(value, actuals.spend, 0.1), byPastSpend: measureTopShare(actuals.pastSpend, actuals.spend, 0.1) },
  };
}

/**
 * E[purchases in (T, T + t] | x, t_x, T] per customer, t in the summary's time unit; the part
 * given survival depends on (x, T) only, so it is computed once per distinct pair.
 */
export function predictHoldoutPurchases(model: Pick<ClvModel, "bgnbd">, calibration: RfmSummary, t: number): Float64Array {
  const { frequency, recency, T } = calibration;
  const ifAlive = new Map<number, Map<number, number>>();
  const horizon = Float64Array.of(t);
  const out = new Float64Array(1);
  return frequency.map((x, i) => {
    let byAge = ifAlive.get(x);
    if (byAge === undefined) ifAlive.set(x, (byAge = new Map()));
    let purchases = byAge.get(T[i]);
    if (purchases === undefined) {
      purchasesIfAliveAt(model.bgnbd, x, T[i], horizon, out);
      byAge.set(T[i], (purchases = out[0]));
    }
    return probabilityAlive(model.bgnbd, x, recency[i], T[i]) * purchases;
  });
}
