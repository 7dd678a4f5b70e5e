/**
 * Campaign arithmetic on predicted response probabilities: what a mailing to an audience is
 * expected to bring, judged by profit and ROI rather than by how many respond. Pure; shared by
 * the executive summary and the campaign planner so both quote the same figures.
 */
export interface Economics {
  costPerContact: number;
  revenuePerResponse: number;
}

/** The data's own figures (Z_CostContact and Z_Revenue in the marketing file). */
export const DEFAULT_ECONOMICS: Economics = { costPerContact: 3, revenuePerResponse: 11 };

export interface CampaignOutcome {
  contacts: number;
  expectedResponders: number;
  cost: number;
  revenue: number;
  profit: number;
  /** profit / cost; null for an empty audience. */
  roi: number | null;
}

export function campaignOutcome(contacts: number, expectedResponders: number, economics: Economics): CampaignOutcome {
  const cost = contacts * economics.costPerContact;
  const revenue = expectedResponders * economics.revenuePerResponse;
  return { contacts, expectedResponders, cost, revenue, profit: revenue - cost, roi: cost > 0 ? (revenue - cost) / cost : null };
}

/**
 * Contacting a customer pays exactly when p × revenue > cost, so with calibrated
 * probabilities the profit-maximising audience is everyone above cost / revenue.
 */
export function breakEvenProbability(economics: Economics): number {
  if (!(economics.revenuePerResponse > 0)) return Infinity;
  return economics.costPerContact / economics.revenuePerResponse;
}

/** Outcome of mailing everyone and of mailing only those above the break-even probability. */
export function recommendedCampaign(probabilities: ArrayLike<number>, economics: Economics): { everyone: CampaignOutcome; targeted: CampaignOutcome; threshold: number } {
  const threshold = breakEvenProbability(economics);
  let all = 0;
  let allResponders = 0;
  let targeted = 0;
  let targetedResponders = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!Number.isFinite(p)) continue;
    all++;
    allResponders += p;
    if (p > threshold) {
      targeted++;
      targetedResponders += p;
    }
  }
  return { everyone: campaignOutcome(all, allResponders, economics), targeted: campaignOutcome(targeted, targetedResponders, economics), threshold };
}
