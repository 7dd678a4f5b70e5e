/**
 * How the recommended campaign's figures are written, one way for the overview, the planner
 * and the run page, so the same stored numbers read the same everywhere.
 */
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { amount } from "@/app/ui/dashboard/format";
import { count, percent } from "@/app/ui/runs/format";

/** A response probability as a percentage with two decimals: fine enough to tell the threshold from break-even. */
export const probabilityText = (p: number | null | undefined) => percent(p, 2);

export function formatRecommendedFigures(campaign: CampaignView) {
  return {
    contacts: count(campaign.contacts),
    threshold: campaign.threshold !== null ? probabilityText(campaign.threshold) : campaign.isRecorded ? "nobody: no contact pays" : "not recorded",
    responders: campaign.expectedResponders.toFixed(1),
    cost: amount(campaign.cost),
    revenue: amount(campaign.revenue),
    profit: amount(campaign.profit),
    roi: campaign.roi === null ? "—" : percent(campaign.roi, 0),
  };
}

export function describeEconomics(campaign: Pick<CampaignView, "economics">): string {
  return `cost ${campaign.economics.costPerContact} per contact, revenue ${campaign.economics.revenuePerResponse} per response`;
}
