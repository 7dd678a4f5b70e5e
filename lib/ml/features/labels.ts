/**
 * Plain words for every feature column, for persona traits and the customer page: a marketing
 * manager reads "wine spend (log scale)", not "logWines".
 */
import { SPEND_FIELDS } from "@/lib/data/customer";

const CATEGORY_WORDS: Record<string, string> = {
  Wines: "wine",
  Fruits: "fruit",
  MeatProducts: "meat",
  FishProducts: "fish",
  SweetProducts: "sweets",
  GoldProds: "gold products",
};

export interface FeatureLabel {
  label: string;
  /** A rescaling of another feature (log scale, RFM score): it adds no trait of its own. */
  restates?: true;
}

const byCategory = Object.fromEntries(
  SPEND_FIELDS.flatMap((field) => {
    const name = field.replace(/^mnt/, "");
    const word = CATEGORY_WORDS[name];
    return [
      [`log${name}`, { label: `${word} spend (log scale)`, restates: true }],
      [`share${name}`, { label: `${word} share of spend` }],
    ];
  }),
) as Record<string, FeatureLabel>;

export const FEATURE_LABELS: Record<string, FeatureLabel> = {
  age: { label: "age" },
  tenureDays: { label: "days as a customer" },
  income: { label: "income" },
  kidhome: { label: "young children at home" },
  teenhome: { label: "teenagers at home" },
  children: { label: "children at home" },
  totalSpend: { label: "total spend" },
  logTotalSpend: { label: "total spend (log scale)", restates: true },
  ...byCategory,
  totalPurchases: { label: "purchases" },
  shareWeb: { label: "share of purchases online" },
  shareCatalog: { label: "share of purchases from the catalogue" },
  shareStore: { label: "share of purchases in store" },
  numDealsPurchases: { label: "purchases on a deal" },
  dealRatio: { label: "share of purchases on a deal" },
  numWebVisitsMonth: { label: "website visits a month" },
  spendPerPurchase: { label: "spend per purchase" },
  acceptedCount: { label: "earlier campaigns accepted" },
  acceptedCmp1: { label: "accepted campaign 1" },
  acceptedCmp2: { label: "accepted campaign 2" },
  acceptedCmp3: { label: "accepted campaign 3" },
  acceptedCmp4: { label: "accepted campaign 4" },
  acceptedCmp5: { label: "accepted campaign 5" },
  complain: { label: "complaints" },
  educationLevel: { label: "education level" },
  educationBasic: { label: "basic education" },
  educationGraduation: { label: "graduate degree" },
  educationMaster: { label: "master's degree" },
  education2nCycle: { label: "2n cycle degree" },
  educationPhD: { label: "PhD" },
  livingAlone: { label: "living alone" },
  maritalMarried: { label: "married" },
  maritalTogether: { label: "living together" },
  maritalSingle: { label: "single" },
  maritalDivorced: { label: "divorced" },
  maritalWidow: { label: "widowed" },
  recency: { label: "days since the last purchase" },
  rScore: { label: "recency score (RFM)", restates: true },
  fScore: { label: "frequency score (RFM)", restates: true },
  mScore: { label: "spend score (RFM)", restates: true },
};

/** The profile columns that are no feature by the same name (a feature's words serve the rest: income, recency, …). */
export const PROFILE_LABELS: Record<string, string> = {
  externalId: "customer id",
  yearBirth: "year of birth",
  education: "education",
  maritalStatus: "marital status",
  dtCustomer: "customer since",
  ...Object.fromEntries(SPEND_FIELDS.map((field) => [field, `${CATEGORY_WORDS[field.replace(/^mnt/, "")]} spend`])),
  numWebPurchases: "purchases online",
  numCatalogPurchases: "purchases from the catalogue",
  numStorePurchases: "purchases in store",
  zCostContact: "cost of a contact",
  zRevenue: "revenue of an accepted offer",
  response: "accepted the last campaign",
};

/** A customer profile column's (or a feature's) plain words; a column from outside the marketing layout keeps its own name. */
export function labelAttribute(field: string): string {
  return PROFILE_LABELS[field] ?? labelFeature(field).label;
}

/** The column's plain words; a column from outside the pipeline keeps its own name. */
export function labelFeature(name: string): FeatureLabel {
  return FEATURE_LABELS[name] ?? { label: name };
}
