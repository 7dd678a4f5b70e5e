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
import { asOrderTable, CANCELLED, groupLinesByRow, RETURN, SALE, type OrderColumns, type OrderLines } from "@/lib/data/orderTable";

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

/** What the lines hold, for choosing the features: categories by revenue, channels by purchases. */
interface Vocabulary {
  categories: string[];
  channels: string[];
  hasQuantity: boolean;
  hasReturns: boolean;
  hasCancelled: boolean;
}

/**
 * Each customer's lines up to the snapshot date, summed once into columns by the customer's row
 * (typed arrays, not an object per customer: at a million customers those objects were most of
 * the heap, and collecting them most of the time). Counting buyers, choosing the vocabulary and
 * building the features all read them.
 */
export interface OrderTotals {
  snapshotDay: number;
  /** The customers, in the order given, the sums are for. */
  rows: number;
  /** The lines before the snapshot's end grouped by row: row r's are `lines[start[r] .. start[r + 1])`, in table order. */
  start: Int32Array;
  lines: Int32Array;
  gross: Float64Array;
  returned: Float64Array;
  cancelled: Float64Array;
  units: Float64Array;
  /** First and last day with a sale. */
  first: Float64Array;
  last: Float64Array;
  /** Days with a sale. */
  days: Int32Array;
  /** Row r's purchases are `purchaseChannel[purchaseStart[r] .. purchaseStart[r + 1])`: each its first line's channel code. */
  purchaseStart: Int32Array;
  purchaseChannel: Int32Array;
  /** Sale amounts per category name (lines without one under OTHER_CATEGORIES) and purchases per channel name. */
  categoryRevenue: ReadonlyMap<string, number>;
  channelPurchases: ReadonlyMap<string, number>;
  columns: OrderColumns;
}

const purchasesOf = (totals: OrderTotals, row: number) => totals.purchaseStart[row + 1] - totals.purchaseStart[row];

export function sumOrderLines(customers: readonly CustomerRecord[], orders: OrderLines, snapshotDate: Date | string): OrderTotals {
  const snapshotDay = toSnapshotDay(snapshotDate);
  const columns = asOrderTable(orders).columns();
  const { start, lines } = groupLinesByRow(
    columns,
    customers.map((customer) => customer.externalId),
    (snapshotDay + 1) * DAY_MS,
  );
  const rows = customers.length;
  const totals: OrderTotals = {
    snapshotDay,
    rows,
    start,
    lines,
    gross: new Float64Array(rows),
    returned: new Float64Array(rows),
    cancelled: new Float64Array(rows),
    units: new Float64Array(rows),
    first: new Float64Array(rows).fill(Infinity),
    last: new Float64Array(rows).fill(-Infinity),
    days: new Int32Array(rows),
    purchaseStart: new Int32Array(rows + 1),
    purchaseChannel: new Int32Array(lines.length),
    categoryRevenue: new Map(),
    channelPurchases: new Map(),
    columns,
  };
  // By category code + 1 (slot 0: no category); NaN until a sale has it, so a category sold only at zero still counts.
  const categoryRevenue = new Float64Array(columns.categoryNames.length + 1).fill(Number.NaN);
  let longest = 0;
  for (let row = 0; row < rows; row++) longest = Math.max(longest, start[row + 1] - start[row]);
  const scratch: Scratch = { days: new Float64Array(longest), purchaseKeys: new Set() };
  let purchases = 0;
  for (let row = 0; row < rows; row++) {
    purchases = sumRow(totals, row, purchases, categoryRevenue, scratch);
    totals.purchaseStart[row + 1] = purchases;
  }
  totals.purchaseChannel = totals.purchaseChannel.subarray(0, purchases);
  totals.categoryRevenue = tallyByName(categoryRevenue, columns.categoryNames, OTHER_CATEGORIES);
  const channelPurchases = new Float64Array(columns.channelNames.length + 1).fill(Number.NaN);
  for (const code of totals.purchaseChannel) channelPurchases[code + 1] = (channelPurchases[code + 1] || 0) + 1;
  totals.channelPurchases = tallyByName(channelPurchases.subarray(1), columns.channelNames, null);
  return totals;
}

/** Reused from row to row, so the sums make no garbage per customer. */
interface Scratch {
  days: Float64Array;
  purchaseKeys: Set<number>;
}

/** One row's sums; returns the purchases counted so far, this row's included. */
function sumRow(totals: OrderTotals, row: number, purchases: number, categoryRevenue: Float64Array, scratch: Scratch): number {
  const { time, amount, quantity, kind, orderKeyAt, channel, category } = totals.columns;
  const { days, purchaseKeys } = scratch;
  let saleDays = 0;
  purchaseKeys.clear();
  for (let i = totals.start[row]; i < totals.start[row + 1]; i++) {
    const line = totals.lines[i];
    const value = Math.abs(amount[line]);
    const units = Number.isNaN(quantity[line]) ? 0 : quantity[line];
    if (kind[line] === CANCELLED) {
      totals.cancelled[row] += value;
      continue;
    }
    if (kind[line] === RETURN) {
      totals.returned[row] += value;
      totals.units[row] -= Math.abs(units);
      continue;
    }
    const day = Math.floor(time[line] / DAY_MS);
    totals.gross[row] += value;
    totals.units[row] += units;
    totals.first[row] = Math.min(totals.first[row], day);
    totals.last[row] = Math.max(totals.last[row], day);
    days[saleDays++] = day;
    // Lines of one order are one purchase; without order ids, a day's lines are (a negative key: order keys are not).
    const key = orderKeyAt(line) ?? -(day + 1);
    if (!purchaseKeys.has(key)) {
      purchaseKeys.add(key);
      totals.purchaseChannel[purchases++] = channel[line];
    }
    categoryRevenue[category[line] + 1] = (categoryRevenue[category[line] + 1] || 0) + value;
  }
  totals.days[row] = countDistinct(days.subarray(0, saleDays));
  return purchases;
}

function countDistinct(values: Float64Array): number {
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) distinct++;
  return distinct;
}

/** Weights by code (NaN: never seen) as weights by name; with `none`, slot 0 holds the lines without a name, weighed under it. */
function tallyByName(byCode: Float64Array, names: readonly string[], none: string | null): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (name: string, weight: number) => {
    if (!Number.isNaN(weight)) weights.set(name, (weights.get(name) ?? 0) + weight);
  };
  if (none !== null) add(none, byCode[0]);
  const offset = none === null ? 0 : 1;
  names.forEach((name, code) => add(name, byCode[code + offset]));
  return weights;
}

function buildVocabulary(totals: OrderTotals): Vocabulary {
  const { quantity, kind } = totals.columns;
  return {
    categories: topNames(totals.categoryRevenue, MAX_CATEGORIES, OTHER_CATEGORIES),
    channels: topNames(totals.channelPurchases, MAX_CHANNELS, OTHER_CHANNELS),
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

function buildTable(totals: OrderTotals, names: readonly string[], vocabulary: Pick<Vocabulary, "categories" | "channels">): OrderFeatureTable {
  const { rows, snapshotDay } = totals;
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rows).fill(Number.NaN);
  const hasOrders = new Uint8Array(rows);
  const set = (name: string, row: number, value: number) => {
    if (columns[name]) columns[name][row] = value;
  };
  const categorySlot = slotsOf(totals.columns.categoryNames, vocabulary.categories, OTHER_CATEGORIES);
  const channelSlot = slotsOf(totals.columns.channelNames, vocabulary.channels, OTHER_CHANNELS);
  const shares = new Float64Array(vocabulary.categories.length);
  const counts = new Float64Array(vocabulary.channels.length);
  for (let row = 0; row < rows; row++) {
    const purchases = purchasesOf(totals, row);
    if (purchases === 0) continue;
    hasOrders[row] = 1;
    const gross = totals.gross[row];
    const net = gross - totals.returned[row];
    set("recency", row, snapshotDay - totals.last[row]);
    set("totalPurchases", row, purchases);
    set("totalSpend", row, net);
    set("tenureDays", row, snapshotDay - totals.first[row]);
    set("avgOrderValue", row, net / purchases);
    if (totals.days[row] >= 2) set("daysBetweenPurchases", row, (totals.last[row] - totals.first[row]) / (totals.days[row] - 1));
    set("unitsBought", row, totals.units[row]);
    set("returnShare", row, gross > 0 ? Math.min(1, totals.returned[row] / gross) : 0);
    set("cancelledShare", row, totals.cancelled[row] / (gross + totals.cancelled[row]));
    if (shares.length > 0) {
      categoryAmounts(totals, row, categorySlot, shares);
      vocabulary.categories.forEach((category, slot) => set(CATEGORY_PREFIX + category, row, gross > 0 ? shares[slot] / gross : 0));
    }
    if (counts.length > 0) {
      const known = channelCounts(totals, row, channelSlot, counts);
      // A customer whose purchases name no channel has no channel mix, rather than a mix of zeros.
      if (known > 0) vocabulary.channels.forEach((channel, slot) => set(CHANNEL_PREFIX + channel, row, counts[slot] / known));
    }
  }
  return { names: [...names], columns, hasOrders };
}

/**
 * By code + 1 (slot 0: no name, counted as `other`), the place of each name in `kept`: its own,
 * else `other`'s, else −1 where the vocabulary pools nothing (the share is then not shown).
 */
function slotsOf(names: readonly string[], kept: readonly string[], other: string): Int32Array {
  const slot = (name: string) => (kept.includes(name) ? kept.indexOf(name) : kept.indexOf(other));
  return Int32Array.from([other, ...names], slot);
}

/** A row's sale amounts into `shares` by category slot. */
function categoryAmounts(totals: OrderTotals, row: number, categorySlot: Int32Array, shares: Float64Array): void {
  const { amount, kind, category } = totals.columns;
  shares.fill(0);
  for (let i = totals.start[row]; i < totals.start[row + 1]; i++) {
    const line = totals.lines[i];
    const slot = categorySlot[category[line] + 1];
    if (kind[line] === SALE && slot >= 0) shares[slot] += Math.abs(amount[line]);
  }
}

/** A row's purchases into `counts` by channel slot; returns how many name a channel. */
function channelCounts(totals: OrderTotals, row: number, channelSlot: Int32Array, counts: Float64Array): number {
  counts.fill(0);
  let known = 0;
  for (let p = totals.purchaseStart[row]; p < totals.purchaseStart[row + 1]; p++) {
    const code = totals.purchaseChannel[p];
    if (code < 0) continue;
    known++;
    const slot = channelSlot[code + 1];
    if (slot >= 0) counts[slot]++;
  }
  return known;
}

function toSnapshotDay(snapshotDate: Date | string): number {
  const time = new Date(snapshotDate).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`order features: invalid snapshotDate ${String(snapshotDate)}`);
  return Math.floor(time / DAY_MS);
}

/** Customers with at least one sale on or before the snapshot date. */
export function countCustomersWithOrders(totals: OrderTotals): number {
  let buyers = 0;
  for (let row = 0; row < totals.rows; row++) if (purchasesOf(totals, row) > 0) buyers++;
  return buyers;
}

export function fitOrderFeatures(
  customers: readonly CustomerRecord[],
  orders: OrderLines,
  snapshotDate: Date | string,
  totals: OrderTotals = sumOrderLines(customers, orders, snapshotDate),
): { pipeline: OrderFeaturePipeline; table: OrderFeatureTable } {
  const snapshotDay = toSnapshotDay(snapshotDate);
  if (totals.snapshotDay !== snapshotDay) throw new RangeError("fitOrderFeatures: the order totals were summed at another snapshot date");
  if (totals.rows !== customers.length) throw new RangeError("fitOrderFeatures: the order totals were summed for other customers");
  const vocabulary = buildVocabulary(totals);
  const features = featureNames(vocabulary);
  const table = buildTable(totals, features, vocabulary);
  const fitted = table.hasOrders.reduce((count, has) => count + has, 0);
  if (fitted === 0) throw new RangeError("order features: no customer has a sale on or before the snapshot date");
  const logScaled = features.map((name) => LOG_SCALED.has(name));
  const medians: number[] = [];
  const scaler = { mean: [] as number[], std: [] as number[] };
  // One feature at a time through one buffer: the buyers' observed values, then the median for those missing it.
  const values = new Float64Array(fitted);
  features.forEach((name, c) => {
    const column = table.columns[name];
    let observed = 0;
    for (let row = 0; row < column.length; row++) {
      if (table.hasOrders[row] === 1 && !Number.isNaN(column[row])) values[observed++] = logScaled[c] ? Math.log1p(Math.max(0, column[row])) : column[row];
    }
    const median = observed > 0 ? quantiles(values.subarray(0, observed), [0.5])[0] : 0;
    values.fill(median, observed);
    const mean = values.reduce((sum, v) => sum + v, 0) / fitted;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / fitted);
    medians.push(median);
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
    rows: fitted,
  };
  return { pipeline, table };
}

/** The unscaled features of these customers, over the pipeline's categories and channels. */
export function buildOrderFeatureTable(pipeline: OrderFeaturePipeline, customers: readonly CustomerRecord[], orders: OrderLines): OrderFeatureTable {
  return buildTable(sumOrderLines(customers, orders, pipeline.snapshotDate), pipeline.features, pipeline);
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
