/**
 * The CLV backtest of a training run (see lib/ml/clv/backtest.ts): the order-line summary at the
 * cutoff, with the same sale / return / cancel rules as the CLV stage, one BG/NBD + Gamma-Gamma fit
 * on it (a seeded sample past MAX_FIT_CUSTOMERS), and the hold-out actuals from the lines after it. Deterministic for a seed.
 */
import { chooseBacktestWindow, evaluateBacktest, gradeBacktest, type BacktestActuals, type BacktestWindow } from "@/lib/ml/clv";
import { summariseOrders, tryFit } from "./clvStage";
import type { ClvBacktestOutcome } from "./types";
import { asOrderTable, CANCELLED, rowsOfCustomers, SALE, type OrderLines, type OrderTable } from "@/lib/data/orderTable";

const DAY_MS = 86_400_000;

export const NO_ORDER_LINES =
  "The data have customer profiles but no order lines: with no order dates there is no later period to check the lifetime values against. Import order lines to get a backtest.";

export function backtestClv(orders: OrderLines, snapshotDate: Date, options: { holdoutWeeks?: number; seed?: number } = {}): ClvBacktestOutcome {
  const table = asOrderTable(orders);
  const { time, kind } = table.columns();
  let firstSale = Infinity;
  for (let line = 0; line < time.length; line++) if (kind[line] === SALE) firstSale = Math.min(firstSale, time[line]);
  if (firstSale === Infinity) return { status: "unavailable", reason: NO_ORDER_LINES };
  const window = chooseBacktestWindow(new Date(firstSale), snapshotDate, options.holdoutWeeks);
  if ("reason" in window) return { status: "unavailable", reason: window.reason };
  const calibration = summariseOrders(table, window.calibrationEnd);
  if (calibration === null) return { status: "unavailable", reason: "no sale before the hold-out period" };
  const model = tryFit({ summary: calibration, source: "orders" }, [], options.seed ?? 1);
  if (typeof model === "string") return { status: "unavailable", reason: `the model fitted on the calibration period failed: ${model}` };
  const { actuals, newInHoldout } = holdoutActuals(table, calibration.customerIds, window);
  try {
    const figures = evaluateBacktest(model, calibration, actuals, window.holdoutDays);
    return {
      status: "done",
      calibrationEnd: day(window.calibrationEnd),
      holdoutEnd: day(window.holdoutEnd),
      holdoutWeeks: window.holdoutWeeks,
      ...figures,
      newInHoldout,
      grade: gradeBacktest(figures, window.holdoutWeeks),
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { status: "unavailable", reason: error.message };
  }
}

/**
 * Per calibration customer: distinct sale days and net spend after the cutoff (up to the hold-out
 * end), net spend up to it; and how many customers first buy in the hold-out. Cancelled lines never count.
 */
function holdoutActuals(table: OrderTable, ids: readonly string[], window: BacktestWindow) {
  const { customer, time, amount, kind, customerIds } = table.columns();
  const rowOf = rowsOfCustomers(customerIds, ids);
  const n = ids.length;
  const actuals: BacktestActuals = { purchases: new Float64Array(n), spend: new Float64Array(n), pastSpend: new Float64Array(n) };
  const cutoff = window.calibrationEnd.getTime() / DAY_MS;
  const end = window.holdoutEnd.getTime() / DAY_MS;
  const purchaseDays = new Map<number, Set<number>>();
  const newcomers = new Uint8Array(customerIds.length);
  for (let line = 0; line < time.length; line++) {
    const orderDay = Math.floor(time[line] / DAY_MS);
    if (kind[line] === CANCELLED || orderDay > end) continue;
    const row = rowOf[customer[line]];
    if (row < 0) {
      if (kind[line] === SALE && orderDay > cutoff) newcomers[customer[line]] = 1;
      continue;
    }
    const net = kind[line] === SALE ? amount[line] : -Math.abs(amount[line]);
    if (orderDay <= cutoff) {
      actuals.pastSpend[row] += net;
      continue;
    }
    actuals.spend[row] += net;
    if (kind[line] !== SALE) continue;
    let days = purchaseDays.get(row);
    if (days === undefined) purchaseDays.set(row, (days = new Set()));
    days.add(orderDay);
  }
  for (const [row, days] of purchaseDays) actuals.purchases[row] = days.size;
  return { actuals, newInHoldout: newcomers.reduce((sum, flag) => sum + flag, 0) };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
