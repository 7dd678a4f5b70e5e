/**
 * The CLV stage of a training run: the repeat-purchase summary (exact from order lines,
 * approximated from profiles otherwise; see lib/ml/clv/summary.ts for the assumptions),
 * the BG/NBD + Gamma-Gamma fit, and per-customer scores mapped back to input order.
 */
import { SPEND_FIELDS, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import {
  fitClv,
  type IntervalTables,
  PERIODS_PER_MONTH,
  scoreClv,
  summaryFromOrders,
  summaryFromProfiles,
  type ClvModel,
  type CustomerRfmSummary,
} from "@/lib/ml/clv";
import type { CustomerSummary, SummaryLookup } from "@/lib/ml/features";

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
/** The Mnt* columns are spend over the last two years. */
const PROFILE_SPEND_YEARS = 2;

export const DEFAULT_CLV_OPTIONS = { horizonMonths: 12, monthlyDiscountRate: 0.01, margin: 1, draws: 200 };
export type ClvOptions = typeof DEFAULT_CLV_OPTIONS;

export interface ClvSummary {
  source: "orders" | "profiles";
  summary: CustomerRfmSummary;
  /** Input index of each summary row. */
  rowIndex: number[];
  excluded: number;
  notes: string[];
}

/** The summary the data allow, or null with the reason. */
export function buildClvSummary(
  customers: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  snapshotDate: Date,
): ClvSummary | { skipped: string } {
  const indexOf = new Map(customers.map((customer, i) => [customer.externalId, i]));
  if (orders.length > 0) {
    const summary = summaryFromOrders(orders, { snapshotDate });
    const rowIndex = summary.customerIds.map((id) => indexOf.get(id) ?? -1);
    const notes = ["Repeat purchases, recency and spend come from the order lines (exact)."];
    if (summary.ordersAfterSnapshot > 0) notes.push(`${summary.ordersAfterSnapshot} order lines after the snapshot date were left out.`);
    return { source: "orders", summary, rowIndex, excluded: customers.length - summary.customerIds.length, notes };
  }
  const summary = summaryFromProfiles(customers, { snapshotDate });
  if (summary.customerIds.length === 0) return { skipped: "no order lines and no profile with purchase counts, spend, recency and enrolment date" };
  return {
    source: "profiles",
    summary,
    rowIndex: summary.inputIndex,
    excluded: summary.excluded.length,
    notes: [
      "No order lines: the summary is approximated from profiles (T = days since enrolment, frequency = purchases − 1, recency = T − Recency, spend per purchase = total spend / purchases).",
      ...(summary.excluded.length ? [`${summary.excluded.length} customers could not be summarised (e.g. Recency longer than their tenure) and have no CLV.`] : []),
    ],
  };
}

/** Order-line summaries by customer, for the RFM features of customers known only from orders. */
export function summaryLookup(clv: ClvSummary | { skipped: string }): SummaryLookup | undefined {
  if ("skipped" in clv || clv.source !== "orders") return undefined;
  const { summary } = clv;
  const lookup = new Map<string, CustomerSummary>();
  summary.customerIds.forEach((id, i) => {
    lookup.set(id, { frequency: summary.frequency[i], recencyDays: summary.T[i] - summary.recency[i], monetary: summary.monetary[i], tenureDays: summary.T[i] });
  });
  return lookup;
}

export function fitClvModel(clv: ClvSummary): ClvModel {
  return fitClv(clv.summary);
}

export function scoreClvColumns(
  model: ClvModel,
  clv: ClvSummary,
  rows: number,
  options: ClvOptions & { seed: number; tables?: IntervalTables },
): { clv: Float64Array; clvLow: Float64Array; clvHigh: Float64Array; pAlive: Float64Array; expectedPurchases: Float64Array } {
  const scores = scoreClv(model, clv.summary, { ...options, periodsPerMonth: PERIODS_PER_MONTH.days, intervals: model.gammaGamma !== null });
  const out = {
    clv: new Float64Array(rows).fill(Number.NaN),
    clvLow: new Float64Array(rows).fill(Number.NaN),
    clvHigh: new Float64Array(rows).fill(Number.NaN),
    pAlive: new Float64Array(rows).fill(Number.NaN),
    expectedPurchases: new Float64Array(rows).fill(Number.NaN),
  };
  clv.rowIndex.forEach((row, i) => {
    if (row < 0) return;
    out.pAlive[row] = scores.pAlive[i];
    out.expectedPurchases[row] = scores.expectedPurchases[i];
    if (model.gammaGamma === null) return;
    out.clv[row] = scores.clv[i];
    out.clvLow[row] = scores.clvLow?.[i] ?? Number.NaN;
    out.clvHigh[row] = scores.clvHigh?.[i] ?? Number.NaN;
  });
  return out;
}

/** Annualised past spend × margin: from order lines over each customer's observed span, else from the two-year Mnt* totals. */
export function historicalClvColumn(
  customers: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  snapshotDate: Date,
  margin: number,
): Float64Array {
  const out = new Float64Array(customers.length).fill(Number.NaN);
  const snapshot = snapshotDate.getTime();
  if (orders.length > 0) {
    const indexOf = new Map(customers.map((customer, i) => [customer.externalId, i]));
    const total = new Map<number, number>();
    const first = new Map<number, number>();
    for (const order of orders) {
      const row = indexOf.get(order.customerId);
      if (row === undefined || order.orderDate.getTime() > snapshot) continue;
      total.set(row, (total.get(row) ?? 0) + order.amount);
      first.set(row, Math.min(first.get(row) ?? Infinity, order.orderDate.getTime()));
    }
    for (const [row, spend] of total) {
      const years = Math.max(30, (snapshot - first.get(row)!) / DAY_MS) / YEAR_DAYS;
      out[row] = (spend / years) * margin;
    }
    return out;
  }
  customers.forEach((customer, row) => {
    const spend = SPEND_FIELDS.reduce<number | null>((sum, field) => (sum === null || customer[field] === null ? null : sum + customer[field]!), 0);
    if (spend === null || !customer.dtCustomer) return;
    const tenureYears = (snapshot - customer.dtCustomer.getTime()) / DAY_MS / YEAR_DAYS;
    const years = Math.min(PROFILE_SPEND_YEARS, Math.max(30 / YEAR_DAYS, tenureYears));
    out[row] = (spend / years) * margin;
  });
  return out;
}
