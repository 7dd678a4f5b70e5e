/**
 * The CLV stage of a training run: per customer, the repeat-purchase summary (exact from order
 * lines where the customer has any, approximated from profile fields otherwise; see
 * lib/ml/clv/summary.ts for the assumptions), a BG/NBD + Gamma-Gamma fit per source, and
 * per-customer scores mapped back to input order with the source or the reason there is none.
 */
import { SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import {
  fitClv,
  type IntervalTables,
  PERIODS_PER_MONTH,
  scoreClv,
  summaryFromOrders,
  summaryFromProfiles,
  fitSpendShrinkage,
  repeatBuyers,
  type ClvModel,
  type CustomerRfmSummary,
  type OrdersSummary,
} from "@/lib/ml/clv";
import type { CustomerSummary, SummaryLookup } from "@/lib/ml/features";
import type { ClvCoverage, ClvSource } from "./types";
import { asOrderTable, CANCELLED, rowsOfCustomers, SALE, type OrderLines, type OrderTable } from "@/lib/data/orderTable";

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

/** Customers with a CLV summary from each source, and why the others have none (per input row). */
export interface ClvPlan {
  orders: ClvSummary | null;
  profiles: ClvSummary | null;
  notes: (string | null)[];
}

/** Profile summaries need this many customers to fit a model of their own; fewer borrow the order-line model. */
export const MIN_PROFILE_FIT = 50;

/**
 * Per customer, the best summary the data allow: exact from order lines for customers with a
 * sale, approximated from profile fields for the others (see lib/ml/clv/summary.ts).
 * Cancelled lines never count; returns are netted: each customer's spend per purchase is scaled
 * by their net-to-gross ratio, so purchase counts stay those of real purchases.
 */
export function buildClvPlan(customers: readonly CustomerRecord[], orders: OrderLines, snapshotDate: Date): ClvPlan {
  const indexOf = new Map(customers.map((customer, i) => [customer.externalId, i]));
  const notes: (string | null)[] = customers.map(() => null);
  let ordersPart: ClvSummary | null = null;
  const summarised = new Uint8Array(customers.length);
  const summary = summariseOrders(orders, snapshotDate);
  if (summary !== null) {
    const rowIndex = summary.customerIds.map((id) => indexOf.get(id) ?? -1);
    for (const row of rowIndex) if (row >= 0) summarised[row] = 1;
    const partNotes = ["Repeat purchases, recency and spend come from the order lines (exact); returns are netted, cancelled orders left out."];
    if (summary.ordersAfterSnapshot > 0) partNotes.push(`${summary.ordersAfterSnapshot} order lines after the snapshot date were left out.`);
    ordersPart = { source: "orders", summary, rowIndex, excluded: 0, notes: partNotes };
  }
  const rest = [...customers.keys()].filter((row) => summarised[row] === 0);
  let profilesPart: ClvSummary | null = null;
  if (rest.length > 0) {
    const summary = summaryFromProfiles(
      rest.map((row) => customers[row]),
      { snapshotDate },
    );
    for (const { index, reason } of summary.excluded) notes[rest[index]] = profileReason(reason, orders.length > 0);
    if (summary.customerIds.length > 0) {
      profilesPart = {
        source: "profiles",
        summary,
        rowIndex: summary.inputIndex.map((index) => rest[index]),
        excluded: summary.excluded.length,
        notes: [
          "Customers without order lines: the summary is approximated from profiles (T = days since enrolment, frequency = purchases − 1, recency = T − Recency, spend per purchase = total spend / purchases).",
        ],
      };
    }
  }
  return { orders: ordersPart, profiles: profilesPart, notes };
}

/** The order-line summary at `snapshotDate`: sales only, returns netted (see buildClvPlan); null when there is no sale. */
export function summariseOrders(orders: OrderLines, snapshotDate: Date): OrdersSummary | null {
  const table = asOrderTable(orders);
  if (!table.columns().kind.includes(SALE)) return null;
  const summary = summaryFromOrders(table, { snapshotDate, only: "sale" });
  netReturns(summary, table, snapshotDate);
  return summary;
}

/** Plain reasons, few enough to count: the per-field detail stays in summaryFromProfiles. */
function profileReason(reason: string, hasOrders: boolean): string {
  const none = hasOrders ? "no purchase in the order lines" : "no order lines";
  if (reason.startsWith("missing")) return `${none}, and the profile lacks purchase counts, spend, recency or enrolment date`;
  if (reason.startsWith("repeat purchases but Recency")) return `${none}, and the profile's Recency is longer than its time as a customer`;
  return `${none}, and the profile's ${reason}`;
}

/** Scales each customer's spend per purchase by net / gross over lines up to the snapshot. */
function netReturns(summary: CustomerRfmSummary, table: OrderTable, snapshotDate: Date): void {
  const last = snapshotDate.getTime() + DAY_MS;
  const { customer, time, amount, kind, customerIds } = table.columns();
  // Customers without a sale up to the snapshot have no summary row (−1).
  const rowOf = rowsOfCustomers(customerIds, summary.customerIds);
  const gross = new Float64Array(summary.customerIds.length);
  const returned = new Float64Array(summary.customerIds.length);
  for (let line = 0; line < time.length; line++) {
    const row = rowOf[customer[line]];
    if (row < 0 || !(time[line] < last) || kind[line] === CANCELLED) continue;
    if (kind[line] === SALE) gross[row] += amount[line];
    else returned[row] += Math.abs(amount[line]);
  }
  for (let i = 0; i < gross.length; i++) {
    if (returned[i] === 0) continue;
    summary.monetary[i] *= gross[i] > 0 ? Math.max(0, gross[i] - returned[i]) / gross[i] : 0;
  }
}

/** Order-line summaries by customer, for the RFM features of customers known only from orders. */
export function indexSummariesByCustomer(plan: ClvPlan): SummaryLookup | undefined {
  if (plan.orders === null) return undefined;
  const { summary } = plan.orders;
  const lookup = new Map<string, CustomerSummary>();
  summary.customerIds.forEach((id, i) => {
    lookup.set(id, {
      frequency: summary.frequency[i],
      recencyDays: summary.T[i] - summary.recency[i],
      monetary: summary.monetary[i],
      tenureDays: summary.T[i],
    });
  });
  return lookup;
}

/** The fitted models: `model` from the primary source, `profileModel` for profile-only customers when both exist. */
export interface FittedClv {
  model: ClvModel;
  source: ClvSource;
  profileModel: ClvModel | null;
  notes: string[];
}

const WHAT = { orders: "order history", profiles: "profile summaries" } as const;
/**
 * A Gamma-Gamma fit whose population mean spend pγ/(q − 1) is more than this many times off the
 * observed mean is a degenerate fit (q just above 1 on heavy-tailed spend): it would give every
 * one-time buyer a spend the data never saw.
 */
const MAX_SPEND_RATIO = 3;

/**
 * Fits see a seeded sample of at most this many customers (and as many repeat buyers for Gamma-Gamma):
 * the estimates' standard errors are then a fraction of a percent, and the fit costs the same at 10⁶ customers.
 */
export const MAX_FIT_CUSTOMERS = 200_000;

/** The fitted model, or why there is none; a Gamma-Gamma fit that fails (or has infinite mean spend, q ≤ 1) gives way to spend shrinkage. */
export function tryFit(part: Pick<ClvSummary, "summary" | "source">, notes: string[], seed: number, maxCustomers = MAX_FIT_CUSTOMERS): ClvModel | string {
  try {
    const model = fitClv(part.summary, { maxCustomers, seed });
    noteSample(model, part, notes);
    if (!model.bgnbd.converged) return `the BG/NBD fit did not converge on the ${WHAT[part.source]}`;
    const gg = model.gammaGamma;
    const shrinkage = fitSpendShrinkage(part.summary);
    const implied = gg !== null && gg.converged && gg.q > 1 ? (gg.p * gg.gamma) / (gg.q - 1) : null;
    if (implied !== null && implied <= MAX_SPEND_RATIO * shrinkage.mean && implied >= shrinkage.mean / MAX_SPEND_RATIO) return model;
    const money = (value: number) => Math.round(value).toLocaleString("en-US");
    const why =
      implied === null ? "has no maximum-likelihood fit" : `implies a mean spend per purchase of ${money(implied)} against ${money(shrinkage.mean)} observed`;
    notes.push(
      `The Gamma-Gamma spend model ${why} on the ${WHAT[part.source]} (spend per purchase is too uneven), so each customer's expected spend is their own average shrunk toward everyone's (${money(shrinkage.mean)} per purchase), and CLV has no interval.`,
    );
    return { ...model, gammaGamma: null, spendShrinkage: shrinkage };
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
}

/** Says on the run page when a fit saw a sample, and how large. */
function noteSample(model: ClvModel, part: Pick<ClvSummary, "summary" | "source">, notes: string[]): void {
  const { frequency, monetary } = part.summary;
  const repeat = repeatBuyers(frequency, monetary).length;
  const sampled = [
    model.bgnbd.customers < frequency.length ? `BG/NBD on ${formatCount(model.bgnbd.customers)} of ${formatCount(frequency.length)} customers` : null,
    model.gammaGamma && model.gammaGamma.customers < repeat
      ? `Gamma-Gamma on ${formatCount(model.gammaGamma.customers)} of ${formatCount(repeat)} repeat buyers`
      : null,
  ].filter((part) => part !== null);
  if (sampled.length === 0) return;
  notes.push(`The ${WHAT[part.source]} models were fitted on a random sample (${sampled.join(", ")}); every customer is scored.`);
}

const formatCount = (value: number) => value.toLocaleString("en-US");

/** Fits a model per source the data have (samples drawn with `seed`); the reason when none can be fitted. */
export function fitClvModels(plan: ClvPlan, seed = 1, maxCustomers = MAX_FIT_CUSTOMERS): FittedClv | { skipped: string } {
  const notes: string[] = [];
  const fromOrders = plan.orders ? tryFit(plan.orders, notes, seed, maxCustomers) : null;
  const fromProfiles = plan.profiles && plan.profiles.summary.customerIds.length >= MIN_PROFILE_FIT ? tryFit(plan.profiles, notes, seed, maxCustomers) : null;
  if (typeof fromOrders === "string") notes.push(`Order lines: ${fromOrders}.`);
  if (typeof fromProfiles === "string") notes.push(`Profiles: ${fromProfiles}.`);
  const orderFitted = fromOrders !== null && typeof fromOrders !== "string";
  if (plan.profiles && orderFitted && plan.profiles.summary.customerIds.length < MIN_PROFILE_FIT) {
    notes.push(
      `Only ${plan.profiles.summary.customerIds.length} customers have profile summaries alone (fewer than ${MIN_PROFILE_FIT}): they are scored with the order-line model.`,
    );
  } else if (plan.profiles && orderFitted && typeof fromProfiles === "string") {
    notes.push("Customers known only from their profiles are scored with the order-line model instead.");
  }
  const orderModel = typeof fromOrders === "string" ? null : fromOrders;
  const profileModel = typeof fromProfiles === "string" ? null : fromProfiles;
  if (orderModel) return { model: orderModel, source: "orders", profileModel, notes };
  if (profileModel) return { model: profileModel, source: "profiles", profileModel: null, notes };
  if (plan.orders === null && plan.profiles === null)
    return { skipped: "no order lines and no profile with purchase counts, spend, recency and enrolment date" };
  return { skipped: notes.join(" ") || `fewer than ${MIN_PROFILE_FIT} customers with profile summaries and no order lines` };
}

export interface ClvColumns {
  clv: Float64Array;
  clvLow: Float64Array;
  clvHigh: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clvSource: (ClvSource | null)[];
  clvNote: (string | null)[];
  /** What the scores lack, e.g. an interval the fit cannot give. */
  notes: string[];
}

/** Scores with the 80% interval when the fit allows one; a fit at no proper maximum gives point values only, and says so. */
function scoreWithInterval(model: ClvModel, part: ClvSummary, options: ClvOptions & { seed: number; tables?: IntervalTables }, notes: string[]) {
  const settings = { ...options, periodsPerMonth: PERIODS_PER_MONTH.days };
  try {
    return scoreClv(model, part.summary, { ...settings, intervals: true });
  } catch (error) {
    // Parameter draws far from a proper maximum can leave the functions' domains: point values still stand.
    if (!(error instanceof RangeError)) throw error;
    notes.push(`CLV from ${WHAT[part.source]} has no interval: the fit's parameter uncertainty cannot be sampled (${error.message}).`);
    return scoreClv(model, part.summary, { ...settings, intervals: false });
  }
}

/** Scores each customer with the model of its own source; input order, NaN and a note where none applies. */
export function scoreClvPlan(
  fitted: Pick<FittedClv, "model" | "source" | "profileModel">,
  plan: ClvPlan,
  rows: number,
  options: ClvOptions & { seed: number; tables?: IntervalTables },
): ClvColumns {
  const nan = () => new Float64Array(rows).fill(Number.NaN);
  const out: ClvColumns = {
    clv: nan(),
    clvLow: nan(),
    clvHigh: nan(),
    pAlive: nan(),
    expectedPurchases: nan(),
    clvSource: new Array(rows).fill(null),
    clvNote: [...plan.notes],
    notes: [],
  };
  const orderModel = fitted.source === "orders" ? fitted.model : null;
  const profileModel = fitted.source === "profiles" ? fitted.model : (fitted.profileModel ?? orderModel);
  const parts: [ClvSummary | null, ClvModel | null, string][] = [
    [plan.orders, orderModel, "the order-line CLV model did not fit"],
    [plan.profiles, profileModel, "no CLV model could be fitted on profile summaries"],
  ];
  for (const [part, model, missing] of parts) {
    if (part === null) continue;
    if (model === null) {
      for (const row of part.rowIndex) if (row >= 0) out.clvNote[row] = missing;
      continue;
    }
    const scores = scoreWithInterval(model, part, options, out.notes);
    part.rowIndex.forEach((row, i) => {
      if (row < 0) return;
      out.pAlive[row] = scores.pAlive[i];
      out.expectedPurchases[row] = scores.expectedPurchases[i];
      out.clv[row] = scores.clv[i];
      out.clvLow[row] = scores.clvLow?.[i] ?? Number.NaN;
      out.clvHigh[row] = scores.clvHigh?.[i] ?? Number.NaN;
      out.clvSource[row] = part.source;
      out.clvNote[row] = null;
    });
  }
  return out;
}

/** How many customers have a CLV from each source, and the reasons the rest have none. */
export function measureClvCoverage(columns: Pick<ClvColumns, "clvSource" | "clvNote">): ClvCoverage {
  const reasons = new Map<string, number>();
  let orders = 0;
  let profiles = 0;
  columns.clvSource.forEach((source, row) => {
    if (source === "orders") orders++;
    else if (source === "profiles") profiles++;
    else {
      const reason = columns.clvNote[row] ?? "not scored";
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  });
  const customers = columns.clvSource.length;
  return {
    customers,
    orders,
    profiles,
    none: customers - orders - profiles,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
  };
}

/** Annualised past spend × margin: from order lines over each customer's observed span where they have any, else from the two-year Mnt* totals. */
export function computeHistoricalClv(customers: readonly CustomerRecord[], orders: OrderLines, snapshotDate: Date, margin: number): Float64Array {
  const out = new Float64Array(customers.length).fill(Number.NaN);
  const snapshot = snapshotDate.getTime();
  const { customer, time, amount, kind, customerIds } = asOrderTable(orders).columns();
  const rowOf = rowsOfCustomers(
    customerIds,
    customers.map((record) => record.externalId),
  );
  // Per customer row: net spend up to the snapshot, and the first sale (Infinity: none, and the profile speaks for them).
  const total = new Float64Array(customers.length);
  const first = new Float64Array(customers.length).fill(Infinity);
  for (let line = 0; line < time.length; line++) {
    const row = rowOf[customer[line]];
    if (row < 0 || time[line] >= snapshot + DAY_MS || kind[line] === CANCELLED) continue;
    total[row] += amount[line];
    if (kind[line] === SALE) first[row] = Math.min(first[row], time[line]);
  }
  for (let row = 0; row < customers.length; row++) {
    if (first[row] === Infinity) continue;
    const years = Math.max(30, (snapshot - first[row]) / DAY_MS) / YEAR_DAYS;
    out[row] = (Math.max(0, total[row]) / years) * margin;
  }
  customers.forEach((customer, row) => {
    if (first[row] !== Infinity) return;
    const spend = SPEND_FIELDS.reduce<number | null>((sum, field) => (sum === null || customer[field] === null ? null : sum + customer[field]!), 0);
    if (spend === null || !customer.dtCustomer) return;
    const tenureYears = (snapshot - customer.dtCustomer.getTime()) / DAY_MS / YEAR_DAYS;
    const years = Math.min(PROFILE_SPEND_YEARS, Math.max(30 / YEAR_DAYS, tenureYears));
    out[row] = (spend / years) * margin;
  });
  return out;
}
