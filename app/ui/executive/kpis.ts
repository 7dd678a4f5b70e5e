/** The executive KPI cards of a run's summary, each with its change since the previously active run. */
import { computeChange, type StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";
import { describeChange, pickChangeTone } from "@/lib/dashboard/changeBadge";
import { describeClvCoverage, countWithClv, RETRAIN_FOR_COVERAGE, describeResponseCoverage } from "@/app/ui/dashboard/coverage";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";
import { formatPrice, formatRecommendedFigures } from "@/app/ui/campaigns/recommendedText";
import type { Kpi } from "./KpiCard";
import { pluralise } from "@/lib/text/plural";

const RETRAIN = "retrain to see this";

function delta(current: number | null | undefined, previous: number | null | undefined, format: (value: number) => string) {
  const value = computeChange(current, previous);
  if (value === null) return null;
  // Every KPI here is better when higher.
  const magnitude = format(Math.abs(value));
  return { value, text: describeChange(value, magnitude), tone: pickChangeTone(value, magnitude, "higher") };
}

export function computeExecutiveKpis(now: StoredRunSummary, before: StoredRunSummary | null, format: MoneyFormat): Kpi[] {
  const campaign = toCampaignView(now.campaign);
  const previous = toCampaignView(before?.campaign);
  const figures = campaign && formatRecommendedFigures(campaign, format);
  const whole = (value: number | null | undefined) => formatMoney(value, format);
  const compact = (value: number | null | undefined) => formatMoney(value, format, { compact: true });
  const people = (value: number | null | undefined) => formatCount(value, format);
  const points = (share: number) => `${formatCount(share * 100, format, 1)} pp`;
  const roi = (value: number | null | undefined) => formatPercent(value, 0, format);
  return [
    { id: "customers", label: "Customers", value: people(now.customers), change: delta(now.customers, before?.customers, people) },
    { id: "revenue", label: "Revenue over the data window", value: compact(now.revenue), change: delta(now.revenue, before?.revenue, compact) },
    {
      id: "clv-total",
      label: "Total 12-month CLV",
      value: compact(now.totalClv),
      detail: `80% interval ${compact(now.clvLowTotal)} – ${compact(now.clvHighTotal)}`,
      coverage: describeClvCoverage(now.clvCoverage, format) ?? [RETRAIN_FOR_COVERAGE],
      change: delta(now.totalClv, before?.totalClv, compact),
    },
    {
      id: "clv-average",
      label: "Average 12-month CLV",
      value: whole(now.averageClv),
      detail: now.clvCoverage ? `over the ${pluralise(countWithClv(now.clvCoverage), "customer", undefined, format)} with a CLV` : undefined,
      change: delta(now.averageClv, before?.averageClv, whole),
    },
    {
      id: "alive",
      label: "Likely still active",
      value: formatPercent(now.aliveShare, 1, format),
      detail: "average probability a customer has not lapsed",
      change: delta(now.aliveShare, before?.aliveShare, points),
    },
    {
      id: "responders",
      label: "Expected responders, next campaign",
      value: people(now.expectedResponders),
      detail: "if every customer with a response score is mailed",
      coverage: describeResponseCoverage(now.responseCoverage, format) ?? [RETRAIN_FOR_COVERAGE],
      change: delta(now.expectedResponders, before?.expectedResponders, people),
    },
    campaign && figures
      ? {
          id: "profit",
          label: "Expected profit, recommended campaign",
          value: figures.profit,
          detail: `mailing ${pluralise(campaign.contacts, "customer", undefined, format)}${campaign.threshold !== null ? ` with p ≥ ${figures.threshold}` : ""}; mailing everyone: ${whole(campaign.everyone.profit)}`,
          change: delta(campaign.profit, previous?.profit, whole),
        }
      : { id: "profit", label: "Expected profit, recommended campaign", value: "—", detail: RETRAIN },
    campaign
      ? {
          id: "roi",
          label: "ROI, recommended campaign",
          value: roi(campaign.roi),
          detail: `mailing everyone: ${roi(campaign.everyone.roi)} (cost ${formatPrice(campaign.economics.costPerContact, format)} per contact, revenue ${formatPrice(campaign.economics.revenuePerResponse, format)} per response)`,
          change: delta(campaign.roi, previous?.roi, points),
        }
      : { id: "roi", label: "ROI, recommended campaign", value: "—", detail: RETRAIN },
  ];
}
