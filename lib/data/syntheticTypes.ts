/**
 * The latent customer types behind the synthetic data, tuned so the mix looks like the real
 * marketing-campaign file (income, spend, channel, deal and campaign patterns) while giving a
 * segmentation something real to find: each type differs from every other one on several of
 * the segmentation features at once (household, spend mix, channels, deals, web visits), with
 * a within-type spread small enough that k-means separates them.
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
  /** Share of purchases made on a deal (before the lift children give). */
  dealShare: number;
  webVisitsMean: number;
  /** Shifts the log-odds of accepting any campaign. */
  responsiveness: number;
}

export const CUSTOMER_TYPES: readonly CustomerType[] = [
  {
    name: "Affluent connoisseurs",
    weight: 0.2,
    birthYear: { mean: 1967, sd: 8 },
    education: [0.0, 0.07, 0.48, 0.17, 0.28],
    income: { median: 80_000, spread: 0.11 },
    kidChance: 0.02,
    teenChance: 0.2,
    spendScale: 1.25,
    spendShares: [0.52, 0.04, 0.33, 0.05, 0.03, 0.03],
    channelShares: [0.27, 0.28, 0.45],
    dealShare: 0.04,
    webVisitsMean: 2,
    responsiveness: 1.1,
  },
  {
    name: "Established families",
    weight: 0.25,
    birthYear: { mean: 1961, sd: 7 },
    education: [0.0, 0.09, 0.5, 0.17, 0.24],
    income: { median: 60_000, spread: 0.12 },
    kidChance: 0.08,
    teenChance: 0.95,
    spendScale: 1.2,
    spendShares: [0.68, 0.02, 0.13, 0.03, 0.02, 0.12],
    channelShares: [0.52, 0.1, 0.38],
    dealShare: 0.22,
    webVisitsMean: 5.8,
    responsiveness: -0.1,
  },
  {
    name: "Young families, deal seekers",
    weight: 0.27,
    birthYear: { mean: 1976, sd: 6 },
    education: [0.02, 0.1, 0.52, 0.16, 0.2],
    income: { median: 39_000, spread: 0.14 },
    kidChance: 0.95,
    teenChance: 0.3,
    spendScale: 0.9,
    spendShares: [0.3, 0.1, 0.28, 0.11, 0.09, 0.12],
    channelShares: [0.3, 0.04, 0.66],
    dealShare: 0.38,
    webVisitsMean: 7.5,
    responsiveness: -0.4,
  },
  {
    name: "Catalogue shoppers",
    weight: 0.1,
    birthYear: { mean: 1952, sd: 7 },
    education: [0.0, 0.08, 0.46, 0.16, 0.3],
    income: { median: 68_000, spread: 0.13 },
    kidChance: 0.03,
    teenChance: 0.3,
    spendScale: 1.1,
    spendShares: [0.26, 0.07, 0.36, 0.18, 0.07, 0.06],
    channelShares: [0.17, 0.56, 0.27],
    dealShare: 0.1,
    webVisitsMean: 4,
    responsiveness: 0.5,
  },
  {
    name: "Low engagement",
    weight: 0.18,
    birthYear: { mean: 1984, sd: 6 },
    education: [0.1, 0.13, 0.5, 0.14, 0.13],
    income: { median: 23_000, spread: 0.18 },
    kidChance: 0.25,
    teenChance: 0.05,
    spendScale: 1.3,
    spendShares: [0.16, 0.12, 0.15, 0.12, 0.12, 0.33],
    channelShares: [0.56, 0.03, 0.41],
    dealShare: 0.14,
    webVisitsMean: 8.5,
    responsiveness: -0.5,
  },
];

/** Marital status shares of the real file, in KNOWN_MARITAL_STATUS order (independent of type). */
export const MARITAL_SHARES = [0.214, 0.259, 0.387, 0.104, 0.036] as const;
