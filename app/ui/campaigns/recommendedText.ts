/**
 * How the recommended campaign's figures are written, one way for the overview, the planner
 * and the run page, so the same stored numbers read the same everywhere.
 */
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { count, money, percent, type MoneyFormat } from "@/lib/text/numberFormat";

/** A response probability as a percentage with two decimals: fine enough to tell the threshold from break-even. */
export const probabilityText = (p: number | null | undefined, format?: MoneyFormat) => percent(p, 2, format);

/** A price per contact or response: cents only when it has them ("$2", "$2.50"). */
export const priceText = (value: number | null | undefined, format: MoneyFormat) => money(value, format, { cents: !Number.isInteger(value) });

export function recommendedFigures(campaign: CampaignView, format: MoneyFormat) {
  return {
    contacts: count(campaign.contacts, format),
    threshold: campaign.threshold !== null ? probabilityText(campaign.threshold, format) : campaign.isRecorded ? "nobody: no contact pays" : "not recorded",
    responders: count(campaign.expectedResponders, format, 1),
    cost: money(campaign.cost, format),
    revenue: money(campaign.revenue, format),
    profit: money(campaign.profit, format),
    roi: campaign.roi === null ? "—" : percent(campaign.roi, 0, format),
  };
}

export function economicsText(campaign: Pick<CampaignView, "economics">, format: MoneyFormat): string {
  return `cost ${priceText(campaign.economics.costPerContact, format)} per contact, revenue ${priceText(campaign.economics.revenuePerResponse, format)} per response`;
}
