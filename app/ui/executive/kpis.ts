/** The executive KPI cards of a run's summary, each with its change since the previously active run. */
import { computeChange, type StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { count, percent } from "@/app/ui/runs/format";
import { amount, compact } from "@/app/ui/dashboard/format";
import { describeChange, pickChangeTone } from "@/lib/dashboard/changeBadge";
import { describeClvCoverage, countWithClv, RETRAIN_FOR_COVERAGE, describeResponseCoverage } from "@/app/ui/dashboard/coverage";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";
import { formatRecommendedFigures } from "@/app/ui/campaigns/recommendedText";
import type { Kpi } from "./KpiCard";
import { plural } from "@/lib/text/plural";

const RETRAIN = "retrain to see this";

function delta(current: number | null | undefined, previous: number | null | undefined, format: (value: number) => string) {
  const value = computeChange(current, previous);
  if (value === null) return null;
  // Every KPI here is better when higher.
  const magnitude = format(Math.abs(value));
  return { value, text: describeChange(value, magnitude), tone: pickChangeTone(value, magnitude, "higher") };
}

const points = (share: number) => `${(share * 100).toFixed(1)} pp`;
const roi = (value: number | null | undefined) => (typeof value === "number" ? `${(value * 100).toFixed(0)}%` : "—");

export function computeExecutiveKpis(now: StoredRunSummary, before: StoredRunSummary | null): Kpi[] {
  const campaign = toCampaignView(now.campaign);
  const previous = toCampaignView(before?.campaign);
  const figures = campaign && formatRecommendedFigures(campaign);
  return [
    { id: "customers", label: "Customers", value: count(now.customers), change: delta(now.customers, before?.customers, count) },
    { id: "revenue", label: "Revenue over the data window", value: compact(now.revenue), change: delta(now.revenue, before?.revenue, compact) },
    {
      id: "clv-total",
      label: "Total 12-month CLV",
      value: compact(now.totalClv),
      detail: `80% interval ${compact(now.clvLowTotal)} – ${compact(now.clvHighTotal)}`,
      coverage: describeClvCoverage(now.clvCoverage) ?? [RETRAIN_FOR_COVERAGE],
      change: delta(now.totalClv, before?.totalClv, compact),
    },
    {
      id: "clv-average",
      label: "Average 12-month CLV",
      value: amount(now.averageClv),
      detail: now.clvCoverage ? `over the ${plural(countWithClv(now.clvCoverage), "customer")} with a CLV` : undefined,
      change: delta(now.averageClv, before?.averageClv, amount),
    },
    { id: "alive", label: "Likely still active", value: percent(now.aliveShare), detail: "average probability a customer has not lapsed", change: delta(now.aliveShare, before?.aliveShare, points) },
    {
      id: "responders",
      label: "Expected responders, next campaign",
      value: amount(now.expectedResponders),
      detail: "if every customer with a response score is mailed",
      coverage: describeResponseCoverage(now.responseCoverage) ?? [RETRAIN_FOR_COVERAGE],
      change: delta(now.expectedResponders, before?.expectedResponders, amount),
    },
    campaign && figures
      ? {
          id: "profit",
          label: "Expected profit, recommended campaign",
          value: figures.profit,
          detail: `mailing ${plural(campaign.contacts, "customer")}${campaign.threshold !== null ? ` with p ≥ ${figures.threshold}` : ""}; mailing everyone: ${amount(campaign.everyone.profit)}`,
          change: delta(campaign.profit, previous?.profit, amount),
        }
      : { id: "profit", label: "Expected profit, recommended campaign", value: "—", detail: RETRAIN },
    campaign
      ? {
          id: "roi",
          label: "ROI, recommended campaign",
          value: roi(campaign.roi),
          detail: `mailing everyone: ${roi(campaign.everyone.roi)} (cost ${campaign.economics.costPerContact} per contact, revenue ${campaign.economics.revenuePerResponse} per response)`,
          change: delta(campaign.roi, previous?.roi, points),
        }
      : { id: "roi", label: "ROI, recommended campaign", value: "—", detail: RETRAIN },
  ];
}
