/**
 * A run's recommended campaign as the pages read it from the stored summary. Runs written
 * before the recommendation was stored kept mailing everyone above break-even ("targeted"),
 * the same audience without its lowest probability or segments: those are shown as not
 * recorded rather than guessed. Both hold only finite numbers (sums over finite probabilities),
 * so they are stored as written.
 */
import type { CampaignOutcome, Economics } from "@/lib/campaign/economics";
import type { RunCampaign } from "@/lib/runs/summary";

/** What a run stored as summary.campaign before the recommended campaign (until issue 12). */
export interface LegacyRunCampaign {
  everyone: CampaignOutcome;
  targeted: CampaignOutcome;
  /** The break-even probability. */
  threshold: number | null;
  economics: Economics;
}

export type StoredRunCampaign = RunCampaign | LegacyRunCampaign;

export interface CampaignView extends CampaignOutcome {
  /** Every scored customer with p ≥ threshold is contacted; null when no contact pays or when not recorded. */
  threshold: number | null;
  breakEven: number | null;
  /** Customers with a response probability; null when not recorded. */
  scored: number | null;
  /** Contacts per segment; null when not recorded. */
  segments: { segmentKey: number; contacts: number }[] | null;
  economics: Economics;
  everyone: CampaignOutcome;
  /** False for a run stored before the recommended campaign: threshold, pool and segments not recorded. */
  isRecorded: boolean;
}

export function toCampaignView(campaign: StoredRunCampaign | null | undefined): CampaignView | null {
  if (!campaign) return null;
  if ("recommended" in campaign) {
    const { recommended, everyone, economics } = campaign;
    return { ...recommended, economics, everyone, isRecorded: true };
  }
  return {
    ...campaign.targeted,
    threshold: null,
    breakEven: campaign.threshold,
    scored: null,
    segments: null,
    economics: campaign.economics,
    everyone: campaign.everyone,
    isRecorded: false,
  };
}
