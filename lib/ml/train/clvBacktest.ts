/**
 * The CLV backtest of a training run (see lib/ml/clv/backtest.ts): the order-line summary at the
 * cutoff, with the same sale / return / cancel rules as the CLV stage, one BG/NBD + Gamma-Gamma fit
 * on it (a seeded sample past MAX_FIT_CUSTOMERS), and the hold-out actuals from the lines after it. Deterministic for a seed.
 */
import { classifyOrderLine } from "@/lib/data/customer";
import { chooseBacktestWindow, evaluateBacktest, gradeBacktest, type BacktestActuals, type BacktestWindow } from "@/lib/ml/clv";
import { summariseOrders, tryFit } from "./clvStage";
import type { ClvBacktestOutcome } from "./types";
import type { OrderLines } from "@/lib/data/orderTable";

const DAY_MS = 86_400_000;

export const NO_ORDER_LINES =
  "The data have customer profiles but no order lines: with no order dates there is no later period to check the lifetime values against. Import order lines to get a backtest.";

export function backtestClv(orders: OrderLines, snapshotDate: Date, options: { holdoutWeeks?: number; seed?: number } = {}): ClvBacktestOutcome {
  let firstSale = Infinity;
  for (const order of orders) if (classifyOrderLine(order) === "sale") firstSale = Math.min(firstSale, order.orderDate.getTime());
  if (firstSale === Infinity) return { status: "unavailable", reason: NO_ORDER_LINES };
  const window = chooseBacktestWindow(new Date(firstSale), snapshotDate, options.holdoutWeeks);
  if ("reason" in window) return { status: "unavailable", reason: window.reason };
  const calibration = summariseOrders(orders, window.calibrationEnd);
  if (calibration === null) return { status: "unavailable", reason: "no sale before the hold-out period" };
  const model = tryFit({ summary: calibration, source: "orders" }, [], options.seed ?? 1);
  if (typeof model === "string") return { status: "unavailable", reason: `the model fitted on the calibration period failed: ${model}` };
  const { actuals, newInHoldout } = holdoutActuals(orders, calibration.customerIds, window);
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
function holdoutActuals(orders: OrderLines, customerIds: readonly string[], window: BacktestWindow) {
  const rowOf = new Map(customerIds.map((id, i) => [id, i]));
  const n = customerIds.length;
  const actuals: BacktestActuals = { purchases: new Float64Array(n), spend: new Float64Array(n), pastSpend: new Float64Array(n) };
  const cutoff = window.calibrationEnd.getTime() / DAY_MS;
  const end = window.holdoutEnd.getTime() / DAY_MS;
  const purchaseDays = new Map<number, Set<number>>();
  const newcomers = new Set<string>();
  for (const order of orders) {
    const kind = classifyOrderLine(order);
    const orderDay = Math.floor(order.orderDate.getTime() / DAY_MS);
    if (kind === "cancelled" || orderDay > end) continue;
    const row = rowOf.get(order.customerId);
    if (row === undefined) {
      if (kind === "sale" && orderDay > cutoff) newcomers.add(order.customerId);
      continue;
    }
    const net = kind === "sale" ? order.amount : -Math.abs(order.amount);
    if (orderDay <= cutoff) {
      actuals.pastSpend[row] += net;
      continue;
    }
    actuals.spend[row] += net;
    if (kind !== "sale") continue;
    let days = purchaseDays.get(row);
    if (days === undefined) purchaseDays.set(row, (days = new Set()));
    days.add(orderDay);
  }
  for (const [row, days] of purchaseDays) actuals.purchases[row] = days.size;
  return { actuals, newInHoldout: newcomers.size };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
