/**
 * Campaign arithmetic on predicted response probabilities: what a mailing to an audience is
 * expected to bring, judged by profit and ROI rather than by how many respond. Pure; shared by
 * the run summary's recommended campaign (recommended.ts) and the campaign planner.
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

export function computeCampaignOutcome(contacts: number, expectedResponders: number, economics: Economics): CampaignOutcome {
  const cost = contacts * economics.costPerContact;
  const revenue = expectedResponders * economics.revenuePerResponse;
  return { contacts, expectedResponders, cost, revenue, profit: revenue - cost, roi: cost > 0 ? (revenue - cost) / cost : null };
}

/**
 * Contacting a customer pays exactly when p × revenue > cost, so with calibrated
 * probabilities the profit-maximising audience is everyone above cost / revenue.
 */
export function computeBreakEvenProbability(economics: Economics): number {
  if (!(economics.revenuePerResponse > 0)) return Infinity;
  return economics.costPerContact / economics.revenuePerResponse;
}

/** Outcome of mailing every customer with a response probability. */
export function computeEveryoneOutcome(probabilities: ArrayLike<number>, economics: Economics): CampaignOutcome {
  let contacts = 0;
  let responders = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!Number.isFinite(p)) continue;
    contacts++;
    responders += p;
  }
  return computeCampaignOutcome(contacts, responders, economics);
}
