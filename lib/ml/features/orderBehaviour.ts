/**
 * Customer features from order lines alone, over the data's own categories and channels:
 * recency, purchases, net spend, tenure, average order value, days between purchases, units,
 * returns and cancellations, the share of spend per category (the top few by revenue plus
 * "other") and the share of purchases per channel.
 *
 * A customer without a sale before the snapshot has every feature missing (NaN); a feature
 * that needs two purchases (days between them) is missing for one-time buyers. Missing values
 * are imputed by the training median for clustering only: persona tables keep them missing.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { quantiles } from "./stats";
import { asOrderTable, CANCELLED, RETURN, type OrderLines } from "@/lib/data/orderTable";

const DAY_MS = 86_400_000;
/** Categories and channels kept by name; the rest are pooled, so a shop with 400 product lines still gives a few readable shares. */
export const MAX_CATEGORIES = 5;
export const MAX_CHANNELS = 5;
export const OTHER_CATEGORIES = "other categories";
export const OTHER_CHANNELS = "other channels";
export const CATEGORY_PREFIX = "category:";
export const CHANNEL_PREFIX = "channel:";

export interface OrderFeaturePipeline {
  version: 1;
  snapshotDate: string;
  categories: string[];
  channels: string[];
  features: string[];
  /** Per feature: log1p before scaling (heavy-tailed counts and amounts). */
  logScaled: boolean[];
  medians: number[];
  scaler: { mean: number[]; std: number[] };
  /** Customers the pipeline was fitted on (those with at least one sale). */
  rows: number;
}

export interface OrderFeatureTable {
  names: string[];
  /** Unscaled values per customer in input order; NaN where the customer has no such fact. */
  columns: Record<string, Float64Array>;
  /** Per customer: has at least one sale before the snapshot. */
  hasOrders: Uint8Array;
}

/** The features every order file gives, before the data's own categories and channels. */
const BASE_FEATURES = ["recency", "totalPurchases", "totalSpend", "tenureDays", "avgOrderValue", "daysBetweenPurchases"] as const;
const LOG_SCALED = new Set(["totalPurchases", "totalSpend", "avgOrderValue", "daysBetweenPurchases", "unitsBought"]);

interface Totals {
  gross: number;
  returned: number;
  cancelled: number;
  units: number;
  first: number;
  last: number;
  days: Set<number>;
  /** Order (its key: orderKeyAt) or day → the purchase's channel. */
  purchases: Map<number | string, string | null>;
  byCategory: Map<string, number>;
}

/** What the lines hold, for choosing the features: categories by revenue, channels by purchases. */
interface Vocabulary {
  categories: string[];
  channels: string[];
  hasQuantity: boolean;
  hasReturns: boolean;
  hasCancelled: boolean;
}

function accumulate(orders: OrderLines, snapshot: number): Map<string, Totals> {
  const { customer, time, amount, quantity, kind, customerIds, orderKeyAt, channelAt, categoryAt } = asOrderTable(orders).columns();
  const totals = new Map<string, Totals>();
  // By the table's customer number: a per-line lookup of a number, not a string.
  const byCustomer: (Totals | undefined)[] = new Array(customerIds.length);
  for (let line = 0; line < time.length; line++) {
    if (!(time[line] < snapshot + DAY_MS)) continue;
    let t = byCustomer[customer[line]];
    if (t === undefined) {
      t = { gross: 0, returned: 0, cancelled: 0, units: 0, first: Infinity, last: -Infinity, days: new Set(), purchases: new Map(), byCategory: new Map() };
      byCustomer[customer[line]] = t;
      totals.set(customerIds[customer[line]], t);
    }
    const value = Math.abs(amount[line]);
    const units = Number.isNaN(quantity[line]) ? 0 : quantity[line];
    if (kind[line] === CANCELLED) {
      t.cancelled += value;
      continue;
    }
    if (kind[line] === RETURN) {
      t.returned += value;
      t.units -= Math.abs(units);
      continue;
    }
    const day = Math.floor(time[line] / DAY_MS);
    t.gross += value;
    t.units += units;
    t.first = Math.min(t.first, day);
    t.last = Math.max(t.last, day);
    t.days.add(day);
    // Lines of one order are one purchase; without order ids, a day's lines are.
    const key = orderKeyAt(line) ?? `day:${day}`;
    if (!t.purchases.has(key)) t.purchases.set(key, channelAt(line));
    const category = categoryAt(line) ?? OTHER_CATEGORIES;
    t.byCategory.set(category, (t.byCategory.get(category) ?? 0) + value);
  }
  return totals;
}

function buildVocabulary(orders: OrderLines, totals: ReadonlyMap<string, Totals>): Vocabulary {
  const revenue = new Map<string, number>();
  const channelCounts = new Map<string, number>();
  for (const t of totals.values()) {
    for (const [category, amount] of t.byCategory) revenue.set(category, (revenue.get(category) ?? 0) + amount);
    for (const channel of t.purchases.values()) if (channel !== null) channelCounts.set(channel, (channelCounts.get(channel) ?? 0) + 1);
  }
  const { quantity, kind } = asOrderTable(orders).columns();
  return {
    categories: topNames(revenue, MAX_CATEGORIES, OTHER_CATEGORIES),
    channels: topNames(channelCounts, MAX_CHANNELS, OTHER_CHANNELS),
    hasQuantity: quantity.some((value) => !Number.isNaN(value)),
    hasReturns: kind.includes(RETURN),
    hasCancelled: kind.includes(CANCELLED),
  };
}

/**
 * The largest few by weight (ties by name), in name order so a column keeps its place when two
 * swap rank, plus the pool of the rest; none when fewer than two: a single value says nothing
 * about anyone.
 */
function topNames(weights: ReadonlyMap<string, number>, limit: number, other: string): string[] {
  const named = [...weights]
    .filter(([name]) => name !== other)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
  const kept = named.slice(0, limit).sort();
  const pooled = named.length > limit || weights.has(other);
  const names = pooled ? [...kept, other] : kept;
  return names.length >= 2 ? names : [];
}

function featureNames(vocabulary: Vocabulary): string[] {
  return [
    ...BASE_FEATURES,
    ...(vocabulary.hasQuantity ? ["unitsBought"] : []),
    ...(vocabulary.hasReturns ? ["returnShare"] : []),
    ...(vocabulary.hasCancelled ? ["cancelledShare"] : []),
    ...vocabulary.categories.map((name) => CATEGORY_PREFIX + name),
    ...vocabulary.channels.map((name) => CHANNEL_PREFIX + name),
  ];
}

function buildTable(
  customers: readonly CustomerRecord[],
  totals: ReadonlyMap<string, Totals>,
  snapshotDay: number,
  names: readonly string[],
  vocabulary: Pick<Vocabulary, "categories" | "channels">,
): OrderFeatureTable {
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(customers.length).fill(Number.NaN);
  const hasOrders = new Uint8Array(customers.length);
  const named = new Set(vocabulary.categories);
  const namedChannels = new Set(vocabulary.channels);
  const set = (name: string, row: number, value: number) => {
    if (columns[name]) columns[name][row] = value;
  };
  customers.forEach((customer, row) => {
    const t = totals.get(customer.externalId);
    if (t === undefined || t.purchases.size === 0) return;
    hasOrders[row] = 1;
    const purchases = t.purchases.size;
    const net = t.gross - t.returned;
    set("recency", row, snapshotDay - t.last);
    set("totalPurchases", row, purchases);
    set("totalSpend", row, net);
    set("tenureDays", row, snapshotDay - t.first);
    set("avgOrderValue", row, net / purchases);
    if (t.days.size >= 2) set("daysBetweenPurchases", row, (t.last - t.first) / (t.days.size - 1));
    set("unitsBought", row, t.units);
    set("returnShare", row, t.gross > 0 ? Math.min(1, t.returned / t.gross) : 0);
    set("cancelledShare", row, t.cancelled / (t.gross + t.cancelled));
    if (named.size > 0) {
      const shares = new Map<string, number>();
      for (const [category, amount] of t.byCategory) {
        const key = named.has(category) ? category : OTHER_CATEGORIES;
        shares.set(key, (shares.get(key) ?? 0) + amount);
      }
      for (const category of vocabulary.categories) set(CATEGORY_PREFIX + category, row, t.gross > 0 ? (shares.get(category) ?? 0) / t.gross : 0);
    }
    if (namedChannels.size > 0) {
      const counts = new Map<string, number>();
      let known = 0;
      for (const channel of t.purchases.values()) {
        if (channel === null) continue;
        const key = namedChannels.has(channel) ? channel : OTHER_CHANNELS;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        known++;
      }
      // A customer whose purchases name no channel has no channel mix, rather than a mix of zeros.
      if (known > 0) for (const channel of vocabulary.channels) set(CHANNEL_PREFIX + channel, row, (counts.get(channel) ?? 0) / known);
    }
  });
  return { names: [...names], columns, hasOrders };
}

function toSnapshotDay(snapshotDate: Date | string): number {
  const time = new Date(snapshotDate).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`order features: invalid snapshotDate ${String(snapshotDate)}`);
  return Math.floor(time / DAY_MS);
}

/** Each customer's lines up to the snapshot date, summed once: counting buyers and fitting the features both read them. */
export interface OrderTotals {
  snapshotDay: number;
  byCustomer: ReadonlyMap<string, Totals>;
}

export function sumOrderLines(orders: OrderLines, snapshotDate: Date | string): OrderTotals {
  const snapshotDay = toSnapshotDay(snapshotDate);
  return { snapshotDay, byCustomer: accumulate(orders, snapshotDay * DAY_MS) };
}

/** Customers with at least one sale on or before the snapshot date. */
export function countCustomersWithOrders(customers: readonly CustomerRecord[], totals: OrderTotals): number {
  return customers.filter((customer) => (totals.byCustomer.get(customer.externalId)?.purchases.size ?? 0) > 0).length;
}

export function fitOrderFeatures(
  customers: readonly CustomerRecord[],
  orders: OrderLines,
  snapshotDate: Date | string,
  summed: OrderTotals = sumOrderLines(orders, snapshotDate),
): { pipeline: OrderFeaturePipeline; table: OrderFeatureTable } {
  const snapshotDay = toSnapshotDay(snapshotDate);
  if (summed.snapshotDay !== snapshotDay) throw new RangeError("fitOrderFeatures: the order totals were summed at another snapshot date");
  const totals = summed.byCustomer;
  const vocabulary = buildVocabulary(orders, totals);
  const features = featureNames(vocabulary);
  const table = buildTable(customers, totals, snapshotDay, features, vocabulary);
  const fitRows = [...table.hasOrders.keys()].filter((row) => table.hasOrders[row] === 1);
  if (fitRows.length === 0) throw new RangeError("order features: no customer has a sale on or before the snapshot date");
  const logScaled = features.map((name) => LOG_SCALED.has(name));
  const prepared = features.map((name, c) =>
    fitRows
      .map((row) => table.columns[name][row])
      .filter((v) => !Number.isNaN(v))
      .map((v) => (logScaled[c] ? Math.log1p(Math.max(0, v)) : v)),
  );
  const medians = prepared.map((values) => (values.length > 0 ? quantiles(values, [0.5])[0] : 0));
  const scaler = { mean: [] as number[], std: [] as number[] };
  prepared.forEach((values, c) => {
    const all = [...values, ...new Array<number>(fitRows.length - values.length).fill(medians[c])];
    const mean = all.reduce((sum, v) => sum + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((sum, v) => sum + (v - mean) ** 2, 0) / all.length);
    scaler.mean.push(mean);
    scaler.std.push(sd > 1e-12 ? sd : 1);
  });
  const pipeline: OrderFeaturePipeline = {
    version: 1,
    snapshotDate: new Date(snapshotDay * DAY_MS).toISOString(),
    categories: vocabulary.categories,
    channels: vocabulary.channels,
    features,
    logScaled,
    medians,
    scaler,
    rows: fitRows.length,
  };
  return { pipeline, table };
}

/** The unscaled features of these customers, over the pipeline's categories and channels. */
export function buildOrderFeatureTable(pipeline: OrderFeaturePipeline, customers: readonly CustomerRecord[], orders: OrderLines): OrderFeatureTable {
  const snapshotDay = toSnapshotDay(pipeline.snapshotDate);
  return buildTable(customers, accumulate(orders, snapshotDay * DAY_MS), snapshotDay, pipeline.features, pipeline);
}

/** Row-major rows × features, imputed and scaled as fitted. */
export function scaleOrderFeatures(pipeline: OrderFeaturePipeline, table: OrderFeatureTable): Float64Array {
  const rows = table.hasOrders.length;
  const d = pipeline.features.length;
  const matrix = new Float64Array(rows * d);
  pipeline.features.forEach((name, c) => {
    const column = table.columns[name];
    const { medians, logScaled, scaler } = pipeline;
    for (let i = 0; i < rows; i++) {
      const raw = column[i];
      const value = Number.isNaN(raw) ? medians[c] : logScaled[c] ? Math.log1p(Math.max(0, raw)) : raw;
      matrix[i * d + c] = (value - scaler.mean[c]) / scaler.std[c];
    }
  });
  return matrix;
}
