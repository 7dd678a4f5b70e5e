/**
 * What a segment page charts: spend by category, channel mix, and age and income histograms.
 * Spend and channels come from a customer's order lines (their own category and channel
 * names) when it has any, and from the profile's Mnt* and purchase-count fields otherwise.
 * The bars and bins are fixed per run so every segment is drawn on the same axes.
 */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import { asOrderTable, CANCELLED, groupLinesByRow, SALE, type OrderLines } from "@/lib/data/orderTable";
import { MIN_BIRTH_YEAR } from "@/lib/ml/features/cleaning";

export interface HistogramBin {
  label: string;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Customers without a value (or, for age, with a birth year before 1900). */
  missing: number;
}

export interface SegmentDistributions {
  /** Average spend per customer in each product category, over customers with a value; null when none has one. */
  spendByCategory: { category: string; average: number | null }[];
  /** Each channel's share of the segment's purchases; null without purchases. */
  channelMix: { channel: string; share: number | null }[];
  age: Histogram;
  income: Histogram;
}

export const SPEND_CATEGORIES: Record<(typeof SPEND_FIELDS)[number], string> = {
  mntWines: "Wines",
  mntFruits: "Fruits",
  mntMeatProducts: "Meat",
  mntFishProducts: "Fish",
  mntSweetProducts: "Sweets",
  mntGoldProds: "Gold",
};

export const CHANNELS: Record<(typeof PURCHASE_FIELDS)[number], string> = {
  numWebPurchases: "Web",
  numCatalogPurchases: "Catalogue",
  numStorePurchases: "Store",
};

/** Order-line categories and channels beyond the largest this many share one "Other" bar, so a shop with hundreds stays readable. */
export const MAX_ORDER_BARS = 8;
export const OTHER = "Other";
export const UNCATEGORISED = "Uncategorised";
export const UNKNOWN_CHANNEL = "Unknown channel";

/** Lower edges; each bin runs to the next edge, the last one is open. */
export const AGE_EDGES = [0, 30, 40, 50, 60, 70];
export const INCOME_EDGES = [0, 20_000, 40_000, 60_000, 80_000, 100_000];

const ageLabels = ["under 30", "30–39", "40–49", "50–59", "60–69", "70+"];
const incomeLabels = ["under 20k", "20k–40k", "40k–60k", "60k–80k", "80k–100k", "100k+"];

/** Index of the bin holding `value`: the last edge at or below it (values below the first edge go in the first bin). */
export function findBinIndex(edges: readonly number[], value: number): number {
  let bin = 0;
  while (bin + 1 < edges.length && value >= edges[bin + 1]) bin++;
  return bin;
}

/**
 * The order lines before `end` (a time), summed per segment rather than kept per customer (a
 * Map and Sets each, 1.5 GB at a million customers): net spend per category (returns subtract)
 * and distinct sale orders per channel, by the table's codes (slot 0: none). Cancelled orders
 * were never bought and count nowhere.
 */
interface SegmentOrders {
  /** Per customer row: 1 where the customer has lines, which then speak for it instead of its profile. */
  hasOrders: Uint8Array;
  /** Per category slot: 1 where some line has it (its net spend may still be 0). */
  categorySeen: Uint8Array;
  /** Per segment (by its index in `keys`): customers with lines, spend by category slot, orders by channel slot. */
  buyers: Float64Array;
  spend: Float64Array[];
  orders: Float64Array[];
  categoryNames: readonly string[];
  channelNames: readonly string[];
}

function sumSegmentOrders(
  orders: OrderLines,
  end: number,
  customers: readonly CustomerRecord[],
  segmentOf: (row: number) => number,
  segments: number,
): SegmentOrders {
  const columns = asOrderTable(orders).columns();
  const { amount, kind, time, category, channel, orderKeyAt, categoryNames, channelNames } = columns;
  const { start, lines } = groupLinesByRow(
    columns,
    customers.map((customer) => customer.externalId),
    end,
  );
  const sums: SegmentOrders = {
    hasOrders: new Uint8Array(customers.length),
    categorySeen: new Uint8Array(categoryNames.length + 1),
    buyers: new Float64Array(segments),
    spend: Array.from({ length: segments }, () => new Float64Array(categoryNames.length + 1)),
    orders: Array.from({ length: segments }, () => new Float64Array(channelNames.length + 1)),
    categoryNames,
    channelNames,
  };
  // A channel named as the lines without one are shown counts with them: an order on both is one order.
  const channelSlot = Int32Array.from({ length: channelNames.length + 1 }, (_, slot) => (slot > 0 && channelNames[slot - 1] === UNKNOWN_CHANNEL ? 0 : slot));
  // Per customer, reused: the sale orders seen per channel slot, by order key or (without an order id) by time.
  // Orders seen per channel slot for the current customer; the Sets are emptied, not remade, per customer.
  const seen = new Map<number, Set<number>>();
  const seenTimes = new Map<number, Set<number>>();
  for (let row = 0; row < customers.length; row++) {
    const segment = segmentOf(row);
    for (const keys of seen.values()) keys.clear();
    for (const keys of seenTimes.values()) keys.clear();
    for (let i = start[row]; i < start[row + 1]; i++) {
      const line = lines[i];
      if (kind[line] === CANCELLED) continue;
      sums.hasOrders[row] = 1;
      sums.spend[segment][category[line] + 1] += amount[line];
      sums.categorySeen[category[line] + 1] = 1;
      if (kind[line] !== SALE) continue;
      const key = orderKeyAt(line);
      const byChannel = key === null ? seenTimes : seen;
      const slot = channelSlot[channel[line] + 1];
      let keys = byChannel.get(slot);
      if (!keys) byChannel.set(slot, (keys = new Set()));
      if (keys.has(key ?? time[line])) continue;
      keys.add(key ?? time[line]);
      sums.orders[segment][slot]++;
    }
    sums.buyers[segment] += sums.hasOrders[row];
  }
  return sums;
}

/** A slot's name: its code's (slot − 1), or `none` for slot 0. */
const slotName = (names: readonly string[], none: string, slot: number) => (slot === 0 ? none : names[slot - 1]);

/** Totals by name over the segments of the slots `present` keeps. */
function totalsByName(bySegment: readonly Float64Array[], names: readonly string[], none: string, present: (slot: number) => boolean): Map<string, number> {
  const totals = new Map<string, number>();
  for (let slot = 0; slot <= names.length; slot++) {
    if (!present(slot)) continue;
    const name = slotName(names, none, slot);
    totals.set(
      name,
      bySegment.reduce((total, sums) => total + sums[slot], totals.get(name) ?? 0),
    );
  }
  return totals;
}

/** The largest names by total, the rest mapped to "Other": name → bar. */
function chooseBars(totals: Map<string, number>): { bars: string[]; barOf: Map<string, string> } {
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const kept = ranked.length > MAX_ORDER_BARS ? ranked.slice(0, MAX_ORDER_BARS - 1) : ranked;
  const barOf = new Map(ranked.map((name) => [name, kept.includes(name) ? name : OTHER]));
  return { bars: kept.length < ranked.length ? [...kept, OTHER] : kept, barOf };
}

/** Order-line names a profile field's bar also goes by (compared in lower case), so "store" lines and NumStorePurchases share one bar. */
const PROFILE_ALIASES: Record<string, readonly string[]> = {
  numWebPurchases: ["web", "online"],
  numCatalogPurchases: ["catalog", "catalogue"],
  numStorePurchases: ["store"],
};

type ProfileField = (typeof SPEND_FIELDS)[number] | (typeof PURCHASE_FIELDS)[number];

/** The run-wide bars: order-line names first, then the profile fields some customer without orders has. */
interface Layout {
  categories: string[];
  /** The bars order lines fill; a customer with orders counts 0 in those it bought nothing from. */
  orderCategories: string[];
  categoryOf: Map<string, string>;
  channels: string[];
  channelOf: Map<string, string>;
  /** The bar each profile field with data adds to. */
  profileBar: Map<ProfileField, string>;
}

function planLayout(customers: readonly CustomerRecord[], sums: SegmentOrders): Layout {
  const categoryTotals = totalsByName(sums.spend, sums.categoryNames, UNCATEGORISED, (slot) => sums.categorySeen[slot] === 1);
  const channelTotals = totalsByName(sums.orders, sums.channelNames, UNKNOWN_CHANNEL, (slot) => sums.orders.some((orders) => orders[slot] > 0));
  const categories = chooseBars(categoryTotals);
  const channels = chooseBars(channelTotals);
  const orderCategories = [...categories.bars];
  const profiled = customers.filter((_, row) => sums.hasOrders[row] === 0);
  const profileBar = new Map<ProfileField, string>();
  const add = (bars: string[], fields: readonly ProfileField[], names: Record<string, string>) => {
    for (const field of fields) {
      if (!profiled.some((customer) => customer[field] !== null)) continue;
      const aliases = [names[field].toLowerCase(), ...(PROFILE_ALIASES[field] ?? [])];
      const bar = bars.find((existing) => existing !== OTHER && aliases.includes(existing.toLowerCase())) ?? names[field];
      if (!bars.includes(bar)) bars.push(bar);
      profileBar.set(field, bar);
    }
  };
  add(categories.bars, SPEND_FIELDS, SPEND_CATEGORIES);
  add(channels.bars, PURCHASE_FIELDS, CHANNELS);
  return { categories: categories.bars, orderCategories, categoryOf: categories.barOf, channels: channels.bars, channelOf: channels.barOf, profileBar };
}

class Accumulator {
  private spend = new Map<string, { sum: number; count: number }>();
  private channels = new Map<string, number>();
  private ages = AGE_EDGES.map(() => 0);
  private incomes = INCOME_EDGES.map(() => 0);
  private missingAge = 0;
  private missingIncome = 0;

  constructor(private readonly layout: Layout) {
    for (const category of layout.categories) this.spend.set(category, { sum: 0, count: 0 });
    for (const channel of layout.channels) this.channels.set(channel, 0);
  }

  /** A customer with order lines counts through addOrders, its segment's sums; one without, through its profile here. */
  add(customer: CustomerRecord, hasOrders: boolean, referenceYear: number): void {
    if (!hasOrders) this.addProfile(customer);
    // Earlier birth years are data errors; the models leave them out too.
    if (customer.yearBirth === null || customer.yearBirth < MIN_BIRTH_YEAR) this.missingAge++;
    else this.ages[findBinIndex(AGE_EDGES, referenceYear - customer.yearBirth)]++;
    if (customer.income === null || !Number.isFinite(customer.income)) this.missingIncome++;
    else this.incomes[findBinIndex(INCOME_EDGES, customer.income)]++;
  }

  /** The segment's customers with orders: each has a spend in every order-line category, nothing bought there being 0. */
  addOrders(sums: SegmentOrders, segment: number): void {
    const spend = new Map<string, number>();
    sums.spend[segment].forEach((amount, slot) => {
      if (sums.categorySeen[slot] === 0) return;
      const bar = this.layout.categoryOf.get(slotName(sums.categoryNames, UNCATEGORISED, slot))!;
      spend.set(bar, (spend.get(bar) ?? 0) + amount);
    });
    for (const category of this.layout.orderCategories) {
      const cell = this.spend.get(category)!;
      cell.sum += spend.get(category) ?? 0;
      cell.count += sums.buyers[segment];
    }
    sums.orders[segment].forEach((count, slot) => {
      if (count === 0) return;
      const bar = this.layout.channelOf.get(slotName(sums.channelNames, UNKNOWN_CHANNEL, slot))!;
      this.channels.set(bar, this.channels.get(bar)! + count);
    });
  }

  private addProfile(customer: CustomerRecord): void {
    for (const field of SPEND_FIELDS) {
      const value = customer[field];
      if (value === null || !Number.isFinite(value)) continue;
      const cell = this.spend.get(this.layout.profileBar.get(field)!)!;
      cell.sum += value;
      cell.count++;
    }
    for (const field of PURCHASE_FIELDS) {
      const value = customer[field];
      if (value === null) continue;
      const bar = this.layout.profileBar.get(field)!;
      this.channels.set(bar, this.channels.get(bar)! + value);
    }
  }

  result(): SegmentDistributions {
    const purchases = [...this.channels.values()].reduce((sum, value) => sum + value, 0);
    return {
      spendByCategory: [...this.spend].map(([category, { sum, count }]) => ({ category, average: count ? sum / count : null })),
      channelMix: [...this.channels].map(([channel, count]) => ({ channel, share: purchases > 0 ? count / purchases : null })),
      age: { bins: ageLabels.map((label, i) => ({ label, count: this.ages[i] })), missing: this.missingAge },
      income: { bins: incomeLabels.map((label, i) => ({ label, count: this.incomes[i] })), missing: this.missingIncome },
    };
  }
}

/**
 * Distributions of each of `keys` (empty segments included) over the customers, whose segment
 * keys are `segmentKeys`; `referenceYear` is the snapshot's year, which ages are measured at;
 * `orders` are the snapshot's order lines (customerId is the customer's external id).
 */
export function computeSegmentDistributions(
  customers: readonly CustomerRecord[],
  segmentKeys: ArrayLike<number>,
  keys: readonly number[],
  referenceYear: number,
  orders: OrderLines = [],
  /** Lines from this time on are left out (the snapshot's end). */
  end = Infinity,
): Map<number, SegmentDistributions> {
  const index = new Map(keys.map((key, i) => [key, i]));
  const segmentOf = (row: number) => {
    const segment = index.get(segmentKeys[row]);
    if (segment === undefined) throw new Error(`computeSegmentDistributions: customer ${row} is in unknown segment ${segmentKeys[row]}`);
    return segment;
  };
  const sums = sumSegmentOrders(orders, end, customers, segmentOf, keys.length);
  const layout = planLayout(customers, sums);
  const accumulators = keys.map(() => new Accumulator(layout));
  customers.forEach((customer, row) => accumulators[segmentOf(row)].add(customer, sums.hasOrders[row] === 1, referenceYear));
  accumulators.forEach((accumulator, segment) => accumulator.addOrders(sums, segment));
  return new Map(keys.map((key, segment) => [key, accumulators[segment].result()]));
}
