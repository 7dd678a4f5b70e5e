/**
 * Every feature the pipeline can produce, in matrix order, and which ones feed which model.
 * Names are stable: they are stored with fitted models and shown in persona tables.
 */
import { SPEND_FIELDS } from "@/lib/data/customer";

const SPEND_NAMES = SPEND_FIELDS.map((field) => field.replace(/^mnt/, ""));

export const ALL_FEATURES = [
  "age",
  "tenureDays",
  "income",
  "kidhome",
  "teenhome",
  "children",
  "totalSpend",
  "logTotalSpend",
  ...SPEND_NAMES.map((name) => `log${name}`),
  ...SPEND_NAMES.map((name) => `share${name}`),
  "totalPurchases",
  "shareWeb",
  "shareCatalog",
  "shareStore",
  "numDealsPurchases",
  "dealRatio",
  "numWebVisitsMonth",
  "spendPerPurchase",
  "acceptedCount",
  "acceptedCmp1",
  "acceptedCmp2",
  "acceptedCmp3",
  "acceptedCmp4",
  "acceptedCmp5",
  "complain",
  "educationLevel",
  "educationBasic",
  "educationGraduation",
  "educationMaster",
  "education2nCycle",
  "educationPhD",
  "livingAlone",
  "maritalMarried",
  "maritalTogether",
  "maritalSingle",
  "maritalDivorced",
  "maritalWidow",
  "recency",
  "rScore",
  "fScore",
  "mScore",
] as const;

export type FeatureName = string;

/**
 * Segmentation clusters on behaviour: what customers buy, how and how often, and the
 * household facts that explain it. Flags and one-hots are left out because they dominate
 * Euclidean distances without describing behaviour.
 */
export const SEGMENTATION_FEATURES: readonly FeatureName[] = [
  "income",
  "age",
  "children",
  "totalSpend",
  ...SPEND_NAMES.map((name) => `share${name}`),
  "totalPurchases",
  "shareWeb",
  "shareCatalog",
  "shareStore",
  "dealRatio",
  "numWebVisitsMonth",
  "recency",
  "tenureDays",
  "acceptedCount",
];

/**
 * Response uses everything that carries signal for a linear model: log spend (spend is
 * heavily skewed), the individual campaign flags (they differ in how well they predict),
 * household composition split into kids and teens, one-hot education and marital status,
 * recency and tenure. Raw totals duplicated by their logs and the coarse RFM scores are left
 * out; the MLP gets the same inputs.
 */
export const RESPONSE_FEATURES: readonly FeatureName[] = ALL_FEATURES.filter(
  (name) => !["totalSpend", "children", "rScore", "fScore", "mScore", "educationLevel", "livingAlone"].includes(name),
);

/** Only what order lines alone can give, for customers without a profile. */
export const RFM_FEATURES: readonly FeatureName[] = ["recency", "totalPurchases", "totalSpend", "tenureDays", "rScore", "fScore", "mScore"];

export function checkFeatureNames(names: readonly string[], where: string): void {
  const known = new Set<string>(ALL_FEATURES);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`${where}: unknown feature(s) ${unknown.join(", ")}`);
  if (names.length === 0) throw new Error(`${where}: no features selected`);
}
