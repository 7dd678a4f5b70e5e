/**
 * The latent customer types behind the synthetic data, tuned so the mix looks like the real
 * marketing-campaign file (income, spend, channel, deal and campaign patterns) while giving a
 * segmentation something real to find.
 */
export interface CustomerType {
  name: string;
  /** Share of customers of this type. */
  weight: number;
  birthYear: { mean: number; sd: number };
  /** Probabilities in KNOWN_EDUCATION order: Basic, 2n Cycle, Graduation, Master, PhD. */
  education: readonly number[];
  /** Median income and the spread of its logarithm. */
  income: { median: number; spread: number };
  /** Chance of at least one small child / teenager at home. */
  kidChance: number;
  teenChance: number;
  /** Multiplies the spend that income alone would give. */
  spendScale: number;
  /** Share of spend per category, in SPEND_FIELDS order: wines, fruits, meat, fish, sweets, gold. */
  spendShares: readonly number[];
  /** Share of purchases per channel: web, catalogue, store. */
  channelShares: readonly [number, number, number];
  dealsMean: number;
  webVisitsMean: number;
  /** Shifts the log-odds of accepting any campaign. */
  responsiveness: number;
}

export const CUSTOMER_TYPES: readonly CustomerType[] = [
  {
    name: "Affluent connoisseurs",
    weight: 0.2,
    birthYear: { mean: 1966, sd: 12 },
    education: [0.0, 0.07, 0.48, 0.17, 0.28],
    income: { median: 77_000, spread: 0.13 },
    kidChance: 0.03,
    teenChance: 0.3,
    spendScale: 1.25,
    spendShares: [0.5, 0.05, 0.3, 0.06, 0.05, 0.04],
    channelShares: [0.27, 0.3, 0.43],
    dealsMean: 1,
    webVisitsMean: 2.5,
    responsiveness: 1.1,
  },
  {
    name: "Established families",
    weight: 0.25,
    birthYear: { mean: 1963, sd: 9 },
    education: [0.0, 0.09, 0.5, 0.17, 0.24],
    income: { median: 60_000, spread: 0.14 },
    kidChance: 0.12,
    teenChance: 0.92,
    spendScale: 1.2,
    spendShares: [0.62, 0.03, 0.17, 0.05, 0.04, 0.09],
    channelShares: [0.4, 0.15, 0.45],
    dealsMean: 3,
    webVisitsMean: 6,
    responsiveness: -0.1,
  },
  {
    name: "Young families, deal seekers",
    weight: 0.27,
    birthYear: { mean: 1976, sd: 9 },
    education: [0.02, 0.1, 0.52, 0.16, 0.2],
    income: { median: 37_000, spread: 0.2 },
    kidChance: 0.93,
    teenChance: 0.35,
    spendScale: 0.9,
    spendShares: [0.4, 0.07, 0.24, 0.08, 0.07, 0.14],
    channelShares: [0.4, 0.07, 0.53],
    dealsMean: 2.2,
    webVisitsMean: 7.3,
    responsiveness: -0.4,
  },
  {
    name: "Catalogue shoppers",
    weight: 0.1,
    birthYear: { mean: 1958, sd: 10 },
    education: [0.0, 0.08, 0.46, 0.16, 0.3],
    income: { median: 68_000, spread: 0.17 },
    kidChance: 0.08,
    teenChance: 0.45,
    spendScale: 1.1,
    spendShares: [0.34, 0.06, 0.36, 0.09, 0.06, 0.09],
    channelShares: [0.22, 0.5, 0.28],
    dealsMean: 1.6,
    webVisitsMean: 3.5,
    responsiveness: 0.5,
  },
  {
    name: "Low engagement",
    weight: 0.18,
    birthYear: { mean: 1979, sd: 10 },
    education: [0.1, 0.13, 0.5, 0.14, 0.13],
    income: { median: 24_000, spread: 0.3 },
    kidChance: 0.6,
    teenChance: 0.25,
    spendScale: 1.2,
    spendShares: [0.3, 0.09, 0.22, 0.11, 0.09, 0.19],
    channelShares: [0.36, 0.05, 0.59],
    dealsMean: 1.6,
    webVisitsMean: 7.2,
    responsiveness: -0.5,
  },
];

/** Marital status shares of the real file, in KNOWN_MARITAL_STATUS order (independent of type). */
export const MARITAL_SHARES = [0.214, 0.259, 0.387, 0.104, 0.036] as const;
