/**
 * The features personas understand, by the column names that carry them, and the plain words
 * used for each. Preferred names are those of lib/ml/features/definitions.ts (plus `clv`,
 * `pAlive` from the CLV model and `responseRate` from the response model); the aliases are the
 * dotted names of the design notes. Order-line features (lib/ml/features/orderBehaviour.ts)
 * get words built from the data's own category and channel names. Columns with other names
 * still get means and z-scores.
 */
import { ATTRIBUTE_PREFIX } from "@/lib/ml/features/attributes";
import { CATEGORY_PREFIX, CHANNEL_PREFIX, OTHER_CATEGORIES, OTHER_CHANNELS } from "@/lib/ml/features/orderBehaviour";

export const PERSONA_FEATURES = {
  income: "income",
  age: "age",
  children: "children",
  totalSpend: "totalSpend",
  wineShare: "shareWines",
  meatShare: "shareMeatProducts",
  fishShare: "shareFishProducts",
  fruitShare: "shareFruits",
  sweetShare: "shareSweetProducts",
  goldShare: "shareGoldProds",
  totalPurchases: "totalPurchases",
  webShare: "shareWeb",
  catalogShare: "shareCatalog",
  storeShare: "shareStore",
  dealRatio: "dealRatio",
  webVisits: "numWebVisitsMonth",
  recency: "recency",
  tenure: "tenureDays",
  acceptedCount: "acceptedCount",
  responseRate: "responseRate",
  clv: "clv",
  pAlive: "pAlive",
} as const;

export type PersonaConcept = keyof typeof PERSONA_FEATURES;

export const PERSONA_FEATURE_ALIASES: Partial<Record<PersonaConcept, readonly string[]>> = {
  wineShare: ["spendShare.wines"],
  meatShare: ["spendShare.meat"],
  fishShare: ["spendShare.fish"],
  fruitShare: ["spendShare.fruits"],
  sweetShare: ["spendShare.sweets"],
  goldShare: ["spendShare.gold"],
  webShare: ["share.web"],
  catalogShare: ["share.catalog"],
  storeShare: ["share.store"],
  webVisits: ["webVisits"],
  recency: ["recencyDays"],
};

export type FeatureUnit = "money" | "share" | "days" | "years" | "count" | "probability" | "number";

/** What a segment far above (or below) everyone on this feature is called. */
export interface DirectionWords {
  /** A phrase for the description: "high income", "buy on deals". */
  trait: string;
  /** Leads a persona name: "Affluent". */
  adjective?: string;
  /** Ends a persona name: "wine buyers". */
  noun?: string;
  /** Follows the noun: "via Phone" (how they buy qualifies who they are; it does not replace what they buy). */
  qualifier?: string;
}

export interface ConceptWords {
  /** What the number is, for "income 72,400 (everyone: 52,200)". */
  label: string;
  unit: FeatureUnit;
  high: DirectionWords;
  low: DirectionWords;
}

export const CONCEPT_WORDS: Record<PersonaConcept, ConceptWords> = {
  income: { label: "income", unit: "money", high: { trait: "high income", adjective: "Affluent" }, low: { trait: "lower income", adjective: "Budget" } },
  age: { label: "age", unit: "years", high: { trait: "older", adjective: "Older" }, low: { trait: "younger", adjective: "Younger" } },
  children: { label: "children at home", unit: "count", high: { trait: "children at home", noun: "families" }, low: { trait: "few children at home" } },
  totalSpend: { label: "total spend", unit: "money", high: { trait: "high spend", adjective: "Big-spending" }, low: { trait: "low spend", adjective: "Light-spending" } },
  wineShare: { label: "wine share of spend", unit: "share", high: { trait: "wine-heavy baskets", noun: "wine buyers" }, low: { trait: "little wine" } },
  meatShare: { label: "meat share of spend", unit: "share", high: { trait: "meat-heavy baskets", noun: "meat buyers" }, low: { trait: "little meat" } },
  fishShare: { label: "fish share of spend", unit: "share", high: { trait: "more fish", noun: "fish buyers" }, low: { trait: "little fish" } },
  fruitShare: { label: "fruit share of spend", unit: "share", high: { trait: "more fruit", noun: "fruit buyers" }, low: { trait: "little fruit" } },
  sweetShare: { label: "sweets share of spend", unit: "share", high: { trait: "more sweets", noun: "sweets buyers" }, low: { trait: "few sweets" } },
  goldShare: { label: "gold share of spend", unit: "share", high: { trait: "more gold products", noun: "gold buyers" }, low: { trait: "few gold products" } },
  totalPurchases: { label: "purchases", unit: "count", high: { trait: "buy often", noun: "frequent buyers" }, low: { trait: "buy rarely", noun: "occasional buyers" } },
  webShare: { label: "share of purchases online", unit: "share", high: { trait: "buy online", noun: "online shoppers" }, low: { trait: "rarely buy online" } },
  catalogShare: { label: "share of purchases from the catalogue", unit: "share", high: { trait: "buy from the catalogue", noun: "catalogue shoppers" }, low: { trait: "rarely use the catalogue" } },
  storeShare: { label: "share of purchases in store", unit: "share", high: { trait: "buy in store", noun: "in-store shoppers" }, low: { trait: "rarely buy in store" } },
  dealRatio: { label: "share of purchases on a deal", unit: "share", high: { trait: "buy on deals", noun: "deal seekers" }, low: { trait: "rarely use deals" } },
  webVisits: { label: "website visits a month", unit: "count", high: { trait: "visit the website often" }, low: { trait: "rarely visit the website" } },
  recency: { label: "time since the last purchase", unit: "days", high: { trait: "long since their last purchase", adjective: "Lapsing" }, low: { trait: "bought recently", adjective: "Active" } },
  tenure: { label: "time as a customer", unit: "days", high: { trait: "long-standing customers", adjective: "Long-standing" }, low: { trait: "new customers", adjective: "New" } },
  acceptedCount: { label: "earlier campaigns accepted", unit: "count", high: { trait: "answer campaigns", noun: "campaign responders" }, low: { trait: "ignore campaigns" } },
  responseRate: { label: "predicted response to the next campaign", unit: "probability", high: { trait: "likely to answer the next campaign", noun: "campaign responders" }, low: { trait: "unlikely to answer the next campaign" } },
  clv: { label: "expected lifetime value", unit: "money", high: { trait: "high lifetime value", adjective: "High-value" }, low: { trait: "low lifetime value", adjective: "Low-value" } },
  pAlive: { label: "chance of still being active", unit: "probability", high: { trait: "likely still active" }, low: { trait: "at risk of leaving", adjective: "Lapsing" } },
};

/** Which concept, if any, a column name carries. */
export function conceptOf(name: string): PersonaConcept | null {
  for (const concept of Object.keys(PERSONA_FEATURES) as PersonaConcept[]) {
    if (PERSONA_FEATURES[concept] === name || PERSONA_FEATURE_ALIASES[concept]?.includes(name)) return concept;
  }
  return null;
}

/** Product-category shares, with the word used in advice ("premium wine"). */
export const CATEGORY_CONCEPTS: readonly { concept: PersonaConcept; category: string }[] = [
  { concept: "wineShare", category: "wine" },
  { concept: "meatShare", category: "meat" },
  { concept: "fishShare", category: "fish" },
  { concept: "fruitShare", category: "fruit" },
  { concept: "sweetShare", category: "sweets" },
  { concept: "goldShare", category: "gold products" },
];

/** Purchase channels, with how advice names them. */
export const CHANNEL_CONCEPTS: readonly { concept: PersonaConcept; where: string; via: string }[] = [
  { concept: "webShare", where: "online", via: "online campaigns" },
  { concept: "catalogShare", where: "from the catalogue", via: "catalogue mailings" },
  { concept: "storeShare", where: "in store", via: "in-store promotions" },
];

/** Words for the order-line features whose names carry the data's own categories and channels. */
const ORDER_WORDS: Record<string, ConceptWords> = {
  avgOrderValue: { label: "average order value", unit: "money", high: { trait: "large orders", noun: "big-ticket buyers" }, low: { trait: "small orders" } },
  daysBetweenPurchases: { label: "days between purchases", unit: "days", high: { trait: "long gaps between purchases" }, low: { trait: "short gaps between purchases" } },
  unitsBought: { label: "units bought", unit: "count", high: { trait: "buy in volume", noun: "volume buyers" }, low: { trait: "buy few units" } },
  returnShare: { label: "share of spend returned", unit: "share", high: { trait: "return a lot", adjective: "Returns-prone" }, low: { trait: "rarely return" } },
  cancelledShare: { label: "share of order value cancelled", unit: "share", high: { trait: "cancel orders often" }, low: { trait: "rarely cancel" } },
};

/** A category or channel share column ("category:Classic Cars"), or null for any other name. */
export function categoryOrChannel(name: string): { kind: "category" | "channel"; value: string } | null {
  if (name.startsWith(CATEGORY_PREFIX)) return { kind: "category", value: name.slice(CATEGORY_PREFIX.length) };
  if (name.startsWith(CHANNEL_PREFIX)) return { kind: "channel", value: name.slice(CHANNEL_PREFIX.length) };
  return null;
}

function shareWords(name: string): ConceptWords | null {
  const column = categoryOrChannel(name);
  if (column === null) return null;
  const { kind, value } = column;
  if (value === OTHER_CATEGORIES || value === OTHER_CHANNELS) {
    const what = kind === "category" ? "spend on other categories" : "purchases through other channels";
    return { label: `share of ${what}`, unit: "share", high: { trait: `more ${what}` }, low: { trait: `less ${what}` } };
  }
  if (kind === "category") {
    return { label: `${value} share of spend`, unit: "share", high: { trait: `buy a lot of ${value}`, noun: `${value} buyers` }, low: { trait: `little ${value}` } };
  }
  return { label: `share of purchases via ${value}`, unit: "share", high: { trait: `buy mostly via ${value}`, qualifier: `via ${value}` }, low: { trait: `rarely buy via ${value}` } };
}

/** A custom attribute's words, by the file's own header: "high Employees", "mostly Region North". */
function attributeWords(name: string): ConceptWords | null {
  if (!name.startsWith(ATTRIBUTE_PREFIX)) return null;
  const rest = name.slice(ATTRIBUTE_PREFIX.length);
  const at = rest.indexOf("=");
  const [attribute, value] = at < 0 ? [rest, undefined] : [rest.slice(0, at), rest.slice(at + 1)];
  if (value === undefined) return { label: attribute, unit: "number", high: { trait: `high ${attribute}` }, low: { trait: `low ${attribute}` } };
  return { label: `share with ${attribute} ${value}`, unit: "share", high: { trait: `mostly ${attribute} ${value}` }, low: { trait: `rarely ${attribute} ${value}` } };
}

/** Words for a column: its concept's, the order-line or attribute words, or null for a column only a label describes. */
export function wordsOf(name: string, concept: PersonaConcept | null): ConceptWords | null {
  if (concept !== null) return CONCEPT_WORDS[concept];
  return ORDER_WORDS[name] ?? shareWords(name) ?? attributeWords(name);
}
