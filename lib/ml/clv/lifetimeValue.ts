/**
 * Customer lifetime value over a horizon, the way lifetimes' customer_lifetime_value computes
 * it: BG/NBD expected cumulative purchases at each month end, differenced into purchases per
 * month, discounted monthly, times the Gamma-Gamma expected spend per purchase and a margin.
 * Margin defaults to 1 (revenue CLV): the data carry no costs, so profit is the caller's call.
 */
import { probabilityAlive, purchasesIfAliveAt, type BgNbdParams } from "./bgnbd";
import { conditionalExpectedSpend, type GammaGammaParams } from "./gammaGamma";

/** Summary time units per month: 365.25 / 12 days, or that over 7 in weeks. */
export const PERIODS_PER_MONTH = { days: 365.25 / 12, weeks: 365.25 / 12 / 7 } as const;

export interface LifetimeValueOptions {
  /** Months ahead (default 12). */
  horizonMonths?: number;
  /** Discount rate per month (default 0.01). */
  monthlyDiscountRate?: number;
  /** Share of spend that is value (default 1: revenue). */
  margin?: number;
  /** Summary time units per month (default PERIODS_PER_MONTH.days). */
  periodsPerMonth?: number;
}

/** Month-end times (in summary units) and their discount factors. */
export interface MonthGrid {
  times: Float64Array;
  discounts: Float64Array;
  margin: number;
}

export function buildMonthGrid(options: LifetimeValueOptions = {}): MonthGrid {
  const horizon = options.horizonMonths ?? 12;
  const rate = options.monthlyDiscountRate ?? 0.01;
  const margin = options.margin ?? 1;
  const periodsPerMonth = options.periodsPerMonth ?? PERIODS_PER_MONTH.days;
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`horizonMonths must be an integer >= 1, got ${horizon}`);
  if (!(rate > -1 && Number.isFinite(rate))) throw new RangeError(`monthlyDiscountRate must be > -1, got ${rate}`);
  if (!Number.isFinite(margin)) throw new RangeError(`margin must be a finite number, got ${margin}`);
  if (!(periodsPerMonth > 0 && Number.isFinite(periodsPerMonth))) {
    throw new RangeError(`periodsPerMonth must be > 0, got ${periodsPerMonth}`);
  }
  const times = new Float64Array(horizon);
  const discounts = new Float64Array(horizon);
  for (let m = 1; m <= horizon; m++) {
    times[m - 1] = m * periodsPerMonth;
    discounts[m - 1] = Math.pow(1 + rate, -m);
  }
  return { times, discounts, margin };
}

/**
 * Given alive at T with x repeat purchases: the discounted sum of expected purchases per month
 * over the grid, and the undiscounted total over the whole horizon. Depends on t_x only through
 * P(alive), which the caller multiplies in.
 */
export function purchasesIfAlive(params: BgNbdParams, x: number, T: number, grid: MonthGrid): { discounted: number; total: number } {
  const cumulative = new Float64Array(grid.times.length);
  purchasesIfAliveAt(params, x, T, grid.times, cumulative);
  let discounted = 0;
  let previous = 0;
  for (let m = 0; m < cumulative.length; m++) {
    discounted += grid.discounts[m] * (cumulative[m] - previous);
    previous = cumulative[m];
  }
  return { discounted, total: previous };
}

/** CLV of one customer: margin × E[spend per purchase] × Σ discounted expected purchases per month. */
export function lifetimeValue(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customer: { x: number; tx: number; T: number; monetary: number },
  options: LifetimeValueOptions = {},
): number {
  const grid = buildMonthGrid(options);
  const { x, tx, T, monetary } = customer;
  const purchases = probabilityAlive(bgnbd, x, tx, T) * purchasesIfAlive(bgnbd, x, T, grid).discounted;
  return grid.margin * conditionalExpectedSpend(gammaGamma, x, monetary) * purchases;
}

/** Backward-looking value: spend per year observed so far × margin. */
export function historicalClv(totalSpend: number, spanYears: number, margin = 1): number {
  if (!Number.isFinite(totalSpend)) throw new RangeError(`historicalClv: totalSpend must be finite, got ${totalSpend}`);
  if (!(spanYears > 0 && Number.isFinite(spanYears))) {
    throw new RangeError(`historicalClv: spanYears must be > 0 to annualise, got ${spanYears}`);
  }
  return (totalSpend / spanYears) * margin;
}
