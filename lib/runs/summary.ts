/**
 * Per-run aggregates for the dashboards, computed once when the run is written so pages
 * never scan scores at request time.
 */
import { DEFAULT_ECONOMICS, computeEveryoneOutcome, type CampaignOutcome, type Economics } from "@/lib/campaign/economics";
import { recommendCampaign, type RecommendedCampaign } from "@/lib/campaign/recommended";
import { SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import type { CustomerScores } from "@/lib/ml/train";
import type { ClvSource } from "@/lib/ml/train/types";
import { Coverage, type ClvCoverage, type ResponseCoverage } from "./coverage";
import { samplePcaPoints, type PcaSample } from "./pcaSample";
import { computeSegmentDistributions, type SegmentDistributions } from "./segmentDistributions";
import type { KeyedSegment } from "./segmentKeys";
import { asOrderTable, CANCELLED, SALE, type OrderLines } from "@/lib/data/orderTable";

export interface SegmentSummary {
  segmentKey: number;
  size: number;
  averageIncome: number | null;
  averageSpend: number | null;
  averageClv: number | null;
  averageResponse: number | null;
  aliveShare: number | null;
  distributions: SegmentDistributions;
  clvCoverage: ClvCoverage;
  responseCoverage: ResponseCoverage;
}

export interface RunSummary {
  customers: number;
  revenue: number;
  totalClv: number | null;
  averageClv: number | null;
  clvLowTotal: number | null;
  clvHighTotal: number | null;
  aliveShare: number | null;
  expectedResponders: number | null;
  /** Who the CLV totals cover: customers with a CLV by its source, and why the rest have none. */
  clvCoverage: ClvCoverage;
  /** Who expected responders cover: customers with a response score, and why the rest have none. */
  responseCoverage: ResponseCoverage;
  /** The recommended campaign every page quotes, beside mailing everyone; null without response scores. */
  campaign: RunCampaign | null;
  pcaSample: PcaSample;
  segments: SegmentSummary[];
}

export interface RunCampaign {
  recommended: RecommendedCampaign;
  everyone: CampaignOutcome;
  economics: Economics;
}

export interface SummaryContext {
  /** The run's snapshot date (ISO): ages are measured in its year. */
  snapshotDate: string;
  /** Seeds the scatter-plot sample. */
  seed: number;
  economics?: Economics;
  /** The snapshot's order lines: segments' spend and channels come from them where a customer has any. */
  orders?: OrderLines;
  /** The CLV model's source, for a customer whose scores record none of their own. */
  clvSource?: ClvSource | null;
}

class Mean {
  private sum = 0;
  private count = 0;
  add(value: number | null): void {
    if (value === null || !Number.isFinite(value)) return;
    this.sum += value;
    this.count++;
  }
  get total(): number | null {
    return this.count ? this.sum : null;
  }
  get value(): number | null {
    return this.count ? this.sum / this.count : null;
  }
}

const profileSpendOf = (customer: CustomerRecord): number | null =>
  SPEND_FIELDS.reduce<number | null>((sum, field) => (customer[field] === null ? sum : (sum ?? 0) + customer[field]!), null);

const DAY_MS = 86_400_000;

/** Net spend per customer with a sale in the lines before `end` (a time): returns netted, cancelled orders left out. */
function orderSpendByCustomer(orders: OrderLines, end: number): Map<string, number> {
  const { customer, time, amount, kind, customerIds } = asOrderTable(orders).columns();
  const spend = new Float64Array(customerIds.length);
  const bought = new Uint8Array(customerIds.length);
  for (let line = 0; line < time.length; line++) {
    if (!(time[line] < end) || kind[line] === CANCELLED) continue;
    spend[customer[line]] += amount[line];
    if (kind[line] === SALE) bought[customer[line]] = 1;
  }
  const byId = new Map<string, number>();
  for (let c = 0; c < customerIds.length; c++) if (bought[c]) byId.set(customerIds[c], spend[c]);
  return byId;
}

export function summariseRun(customers: readonly CustomerRecord[], scores: CustomerScores, segments: KeyedSegment[], context: SummaryContext): RunSummary {
  const { economics = DEFAULT_ECONOMICS } = context;
  // Each customer's spend from their order lines where they have any, else from the profile: revenue leaves no one out.
  // The models see the lines up to the end of the snapshot day; so do revenue and the charts.
  const end = Date.parse(context.snapshotDate) + DAY_MS;
  const orders = asOrderTable(context.orders ?? []);
  const orderSpend = orderSpendByCustomer(orders, end);
  const spendOf = (customer: CustomerRecord) => orderSpend.get(customer.externalId) ?? profileSpendOf(customer);
  const keyOf = new Map(segments.map((segment) => [segment.label, segment.segmentKey]));
  const segmentKeys = Int32Array.from(scores.segment, (label) => keyOf.get(label)!);
  const referenceYear = new Date(context.snapshotDate).getUTCFullYear();
  const distributions = computeSegmentDistributions(
    customers,
    segmentKeys,
    segments.map((segment) => segment.segmentKey),
    referenceYear,
    orders,
    end,
  );
  const overall = {
    spend: new Mean(),
    clv: new Mean(),
    clvLow: new Mean(),
    clvHigh: new Mean(),
    alive: new Mean(),
    response: new Mean(),
    coverage: new Coverage(),
  };
  const bySegment = new Map(
    segments.map((segment) => [
      segment.segmentKey,
      { size: 0, income: new Mean(), spend: new Mean(), clv: new Mean(), response: new Mean(), alive: new Mean(), coverage: new Coverage() },
    ]),
  );
  customers.forEach((customer, i) => {
    const spend = spendOf(customer);
    const stats = bySegment.get(segmentKeys[i])!;
    stats.size++;
    stats.coverage.add(scores, i, context.clvSource ?? null);
    overall.coverage.add(scores, i, context.clvSource ?? null);
    stats.income.add(customer.income);
    stats.spend.add(spend);
    stats.clv.add(scores.clv[i]);
    stats.response.add(scores.responseProbability[i]);
    stats.alive.add(scores.pAlive[i]);
    overall.spend.add(spend);
    overall.clv.add(scores.clv[i]);
    overall.clvLow.add(scores.clvLow[i]);
    overall.clvHigh.add(scores.clvHigh[i]);
    overall.alive.add(scores.pAlive[i]);
    overall.response.add(scores.responseProbability[i]);
  });
  return {
    customers: customers.length,
    revenue: overall.spend.total ?? 0,
    totalClv: overall.clv.total,
    averageClv: overall.clv.value,
    clvLowTotal: overall.clvLow.total,
    clvHighTotal: overall.clvHigh.total,
    aliveShare: overall.alive.value,
    expectedResponders: overall.response.total,
    ...overall.coverage.result(),
    campaign:
      overall.response.total === null
        ? null
        : {
            recommended: recommendCampaign(segmentKeys, scores.responseProbability, economics),
            everyone: computeEveryoneOutcome(scores.responseProbability, economics),
            economics,
          },
    pcaSample: samplePcaPoints(scores.pca, segmentKeys, context.seed),
    segments: [...bySegment].map(([segmentKey, stats]) => ({
      segmentKey,
      size: stats.size,
      averageIncome: stats.income.value,
      averageSpend: stats.spend.value,
      averageClv: stats.clv.value,
      averageResponse: stats.response.value,
      aliveShare: stats.alive.value,
      distributions: distributions.get(segmentKey)!,
      ...stats.coverage.result(),
    })),
  };
}
