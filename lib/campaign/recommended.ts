/**
 * The recommended campaign: the one campaign every page quotes for a run, computed once from the
 * final model's response probabilities of the run's customers when the run is written. Pure.
 *
 * Contacting a customer is expected to pay exactly when p × revenue > cost, so the most
 * profitable audience is every scored customer above the break-even probability, and no other
 * cut of the sorted scores earns more. A customer exactly at break-even adds nothing and is left
 * out (the smallest of equally profitable campaigns). The threshold is the lowest probability
 * contacted, so "p ≥ threshold" names the audience exactly, whatever binning a chart uses.
 */
import { computeBreakEvenProbability, computeCampaignOutcome, type CampaignOutcome, type Economics } from "./economics";

export interface RecommendedCampaign extends CampaignOutcome {
  /** Every scored customer with p ≥ threshold is contacted; null when no contact pays. */
  threshold: number | null;
  /** cost / revenue: a contact pays above it. */
  breakEven: number;
  /** Customers with a response probability, the pool the audience is drawn from. */
  scored: number;
  /** Contacts per segment (segments with none left out), by segment key. */
  segments: { segmentKey: number; contacts: number }[];
  economics: Economics;
}

function checkEconomics(economics: Economics): void {
  for (const [name, value] of Object.entries(economics)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new Error(`recommendCampaign: ${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/** `segmentKeys[i]` and `probabilities[i]` describe customer i; customers without a finite probability are left out. */
export function recommendCampaign(segmentKeys: ArrayLike<number>, probabilities: ArrayLike<number>, economics: Economics): RecommendedCampaign {
  if (segmentKeys.length !== probabilities.length) {
    throw new Error(`recommendCampaign: ${segmentKeys.length} segment keys but ${probabilities.length} probabilities`);
  }
  checkEconomics(economics);
  const breakEven = computeBreakEvenProbability(economics);
  const bySegment = new Map<number, number>();
  let scored = 0;
  let contacts = 0;
  let responders = 0;
  let threshold: number | null = null;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!Number.isFinite(p)) continue;
    scored++;
    if (!(p > breakEven)) continue;
    contacts++;
    responders += p;
    threshold = threshold === null ? p : Math.min(threshold, p);
    bySegment.set(segmentKeys[i], (bySegment.get(segmentKeys[i]) ?? 0) + 1);
  }
  return {
    ...computeCampaignOutcome(contacts, responders, economics),
    threshold,
    breakEven,
    scored,
    segments: [...bySegment].sort(([a], [b]) => a - b).map(([segmentKey, count]) => ({ segmentKey, contacts: count })),
    economics,
  };
}
