/**
 * What a segment page charts: spend by category, channel mix, and age and income histograms.
 * The bins are fixed so every segment, and every run, is drawn on the same axes.
 */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
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
  /** Average spend per customer in each product category, over customers with a value. */
  spendByCategory: { category: string; average: number | null }[];
  /** Each channel's share of the segment's purchases (web, catalogue, store); null without purchases. */
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

/** Lower edges; each bin runs to the next edge, the last one is open. */
export const AGE_EDGES = [0, 30, 40, 50, 60, 70];
export const INCOME_EDGES = [0, 20_000, 40_000, 60_000, 80_000, 100_000];

const ageLabels = ["under 30", "30–39", "40–49", "50–59", "60–69", "70+"];
const incomeLabels = ["under 20k", "20k–40k", "40k–60k", "60k–80k", "80k–100k", "100k+"];

/** Index of the bin holding `value`: the last edge at or below it (values below the first edge go in the first bin). */
export function binIndex(edges: readonly number[], value: number): number {
  let bin = 0;
  while (bin + 1 < edges.length && value >= edges[bin + 1]) bin++;
  return bin;
}

class Accumulator {
  private spend = SPEND_FIELDS.map(() => ({ sum: 0, count: 0 }));
  private channels = PURCHASE_FIELDS.map(() => 0);
  private ages = AGE_EDGES.map(() => 0);
  private incomes = INCOME_EDGES.map(() => 0);
  private missingAge = 0;
  private missingIncome = 0;

  add(customer: CustomerRecord, referenceYear: number): void {
    SPEND_FIELDS.forEach((field, i) => {
      const value = customer[field];
      if (value === null || !Number.isFinite(value)) return;
      this.spend[i].sum += value;
      this.spend[i].count++;
    });
    PURCHASE_FIELDS.forEach((field, i) => (this.channels[i] += customer[field] ?? 0));
    // Earlier birth years are data errors; the models leave them out too.
    if (customer.yearBirth === null || customer.yearBirth < MIN_BIRTH_YEAR) this.missingAge++;
    else this.ages[binIndex(AGE_EDGES, referenceYear - customer.yearBirth)]++;
    if (customer.income === null || !Number.isFinite(customer.income)) this.missingIncome++;
    else this.incomes[binIndex(INCOME_EDGES, customer.income)]++;
  }

  result(): SegmentDistributions {
    const purchases = this.channels.reduce((sum, value) => sum + value, 0);
    return {
      spendByCategory: SPEND_FIELDS.map((field, i) => ({ category: SPEND_CATEGORIES[field], average: this.spend[i].count ? this.spend[i].sum / this.spend[i].count : null })),
      channelMix: PURCHASE_FIELDS.map((field, i) => ({ channel: CHANNELS[field], share: purchases > 0 ? this.channels[i] / purchases : null })),
      age: { bins: ageLabels.map((label, i) => ({ label, count: this.ages[i] })), missing: this.missingAge },
      income: { bins: incomeLabels.map((label, i) => ({ label, count: this.incomes[i] })), missing: this.missingIncome },
    };
  }
}

/**
 * Distributions of each of `keys` (empty segments included) over the customers, whose segment
 * keys are `segmentKeys`; `referenceYear` is the snapshot's year, which ages are measured at.
 */
export function segmentDistributions(
  customers: readonly CustomerRecord[],
  segmentKeys: ArrayLike<number>,
  keys: readonly number[],
  referenceYear: number,
): Map<number, SegmentDistributions> {
  const bySegment = new Map(keys.map((key) => [key, new Accumulator()]));
  customers.forEach((customer, i) => {
    const accumulator = bySegment.get(segmentKeys[i]);
    if (!accumulator) throw new Error(`segmentDistributions: customer ${i} is in unknown segment ${segmentKeys[i]}`);
    accumulator.add(customer, referenceYear);
  });
  return new Map([...bySegment].map(([key, accumulator]) => [key, accumulator.result()]));
}
