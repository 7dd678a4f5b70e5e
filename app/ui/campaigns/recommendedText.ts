/**
 * How the recommended campaign's figures are written, one way for the overview, the planner
 * and the run page, so the same stored numbers read the same everywhere.
 */
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

/** A response probability as a percentage with two decimals: fine enough to tell the threshold from break-even. */
export const formatProbability = (p: number | null | undefined, format?: MoneyFormat) => formatPercent(p, 2, format);

/** A price per contact or response: cents only when it has them ("$2", "$2.50"). */
export const formatPrice = (value: number | null | undefined, format: MoneyFormat) => formatMoney(value, format, { cents: !Number.isInteger(value) });

export function formatRecommendedFigures(campaign: CampaignView, format: MoneyFormat) {
  return {
    contacts: formatCount(campaign.contacts, format),
    threshold: campaign.threshold !== null ? formatProbability(campaign.threshold, format) : campaign.isRecorded ? "nobody: no contact pays" : "not recorded",
    responders: formatCount(campaign.expectedResponders, format, 1),
    cost: formatMoney(campaign.cost, format),
    revenue: formatMoney(campaign.revenue, format),
    profit: formatMoney(campaign.profit, format),
    roi: campaign.roi === null ? "—" : formatPercent(campaign.roi, 0, format),
  };
}

export function describeEconomics(campaign: Pick<CampaignView, "economics">, format: MoneyFormat): string {
  return `cost ${formatPrice(campaign.economics.costPerContact, format)} per contact, revenue ${formatPrice(campaign.economics.revenuePerResponse, format)} per response`;
}
