/**
 * What a segment page charts: spend by category, channel mix, and age and income histograms.
 * Spend and channels come from a customer's order lines (their own category and channel
 * names) when it has any, and from the profile's Mnt* and purchase-count fields otherwise.
 * The bars and bins are fixed per run so every segment is drawn on the same axes.
 */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import { asOrderTable, CANCELLED, SALE, type OrderLines } from "@/lib/data/orderTable";
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

/** One customer's order lines: net spend per category (returns subtract) and distinct sale orders per channel. */
interface OrderHistory {
  spend: Map<string, number>;
  orders: Map<string, Set<number | string>>;
}

/** The histories from the lines before `end` (a time), by customer id. */
function orderHistories(orders: OrderLines, end: number): Map<string, OrderHistory> {
  const { customer, time, amount, kind, customerIds, orderKeyAt, channelAt, categoryAt } = asOrderTable(orders).columns();
  const histories = new Map<string, OrderHistory>();
  const byCustomer: (OrderHistory | undefined)[] = new Array(customerIds.length);
  for (let line = 0; line < time.length; line++) {
    // A cancelled order was never bought.
    if (!(time[line] < end) || kind[line] === CANCELLED) continue;
    let history = byCustomer[customer[line]];
    if (!history) {
      history = byCustomer[customer[line]] = { spend: new Map(), orders: new Map() };
      histories.set(customerIds[customer[line]], history);
    }
    const category = categoryAt(line) ?? UNCATEGORISED;
    history.spend.set(category, (history.spend.get(category) ?? 0) + amount[line]);
    if (kind[line] !== SALE) continue;
    const channel = channelAt(line) ?? UNKNOWN_CHANNEL;
    let seen = history.orders.get(channel);
    if (!seen) history.orders.set(channel, (seen = new Set()));
    seen.add(orderKeyAt(line) ?? new Date(time[line]).toISOString());
  }
  return histories;
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

function planLayout(customers: readonly CustomerRecord[], histories: Map<string, OrderHistory>): Layout {
  const categoryTotals = new Map<string, number>();
  const channelTotals = new Map<string, number>();
  for (const history of histories.values()) {
    for (const [category, amount] of history.spend) categoryTotals.set(category, (categoryTotals.get(category) ?? 0) + amount);
    for (const [channel, seen] of history.orders) channelTotals.set(channel, (channelTotals.get(channel) ?? 0) + seen.size);
  }
  const categories = chooseBars(categoryTotals);
  const channels = chooseBars(channelTotals);
  const orderCategories = [...categories.bars];
  const profiled = customers.filter((customer) => !histories.has(customer.externalId));
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

  add(customer: CustomerRecord, history: OrderHistory | undefined, referenceYear: number): void {
    if (history) this.addOrders(history);
    else this.addProfile(customer);
    // Earlier birth years are data errors; the models leave them out too.
    if (customer.yearBirth === null || customer.yearBirth < MIN_BIRTH_YEAR) this.missingAge++;
    else this.ages[findBinIndex(AGE_EDGES, referenceYear - customer.yearBirth)]++;
    if (customer.income === null || !Number.isFinite(customer.income)) this.missingIncome++;
    else this.incomes[findBinIndex(INCOME_EDGES, customer.income)]++;
  }

  /** A customer with orders has a spend in every order-line category: nothing bought there is 0. */
  private addOrders(history: OrderHistory): void {
    const spend = new Map<string, number>();
    for (const [category, amount] of history.spend) {
      const bar = this.layout.categoryOf.get(category)!;
      spend.set(bar, (spend.get(bar) ?? 0) + amount);
    }
    for (const category of this.layout.orderCategories) {
      const cell = this.spend.get(category)!;
      cell.sum += spend.get(category) ?? 0;
      cell.count++;
    }
    for (const [channel, seen] of history.orders) {
      const bar = this.layout.channelOf.get(channel)!;
      this.channels.set(bar, this.channels.get(bar)! + seen.size);
    }
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
  const histories = orderHistories(orders, end);
  const layout = planLayout(customers, histories);
  const bySegment = new Map(keys.map((key) => [key, new Accumulator(layout)]));
  customers.forEach((customer, i) => {
    const accumulator = bySegment.get(segmentKeys[i]);
    if (!accumulator) throw new Error(`computeSegmentDistributions: customer ${i} is in unknown segment ${segmentKeys[i]}`);
    accumulator.add(customer, histories.get(customer.externalId), referenceYear);
  });
  return new Map([...bySegment].map(([key, accumulator]) => [key, accumulator.result()]));
}
