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
  /** A plain comparative that follows "They": "have a higher income", "spend a larger share on wine". */
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

type Names = { high?: Omit<DirectionWords, "trait">; low?: Omit<DirectionWords, "trait"> };

/** One comparative per kind of feature, so every trait reads the same way. */
const words = (label: string, unit: FeatureUnit, high: string, low: string, names: Names = {}): ConceptWords => ({
  label,
  unit,
  high: { trait: high, ...names.high },
  low: { trait: low, ...names.low },
});
/** A level (income, lifetime value): "have a higher income". */
export const level = (label: string, unit: FeatureUnit = "number", names?: Names) =>
  words(label, unit, `have a higher ${label}`, `have a lower ${label}`, names);
/** Things counted (children, purchases): "have more young children at home". */
const counted = (label: string, verb = "have", names?: Names) => words(label, "count", `${verb} more ${label}`, `${verb} fewer ${label}`, names);
/** A share of spend: "spend a larger share on wine". */
const spendShare = (category: string, names?: Names) =>
  words(`${category} share of spend`, "share", `spend a larger share on ${category}`, `spend a smaller share on ${category}`, names);
/** A share of purchases through a channel: "buy online more". */
const channelShare = (label: string, how: string, names?: Names) => words(label, "share", `buy ${how} more`, `buy ${how} less`, names);
/** A yes / no fact, whose mean is the share of customers with it: "more often live alone", "are more often married". */
function flag(label: string, predicate: string): ConceptWords {
  const [verb, rest] = predicate.startsWith("are ") ? ["are ", predicate.slice(4)] : ["", predicate];
  return words(label, "share", `${verb}more often ${rest}`, `${verb}less often ${rest}`);
}

export const CONCEPT_WORDS: Record<PersonaConcept, ConceptWords> = {
  income: level("income", "money", { high: { adjective: "Affluent" }, low: { adjective: "Budget" } }),
  age: words("age", "years", "are older", "are younger", { high: { adjective: "Older" }, low: { adjective: "Younger" } }),
  children: counted("children at home", "have", { high: { noun: "families" } }),
  totalSpend: words("total spend", "money", "spend more", "spend less", { high: { adjective: "Big-spending" }, low: { adjective: "Light-spending" } }),
  wineShare: spendShare("wine", { high: { noun: "wine buyers" } }),
  meatShare: spendShare("meat", { high: { noun: "meat buyers" } }),
  fishShare: spendShare("fish", { high: { noun: "fish buyers" } }),
  fruitShare: spendShare("fruit", { high: { noun: "fruit buyers" } }),
  sweetShare: spendShare("sweets", { high: { noun: "sweets buyers" } }),
  goldShare: spendShare("gold products", { high: { noun: "gold buyers" } }),
  totalPurchases: words("purchases", "count", "buy more often", "buy less often", { high: { noun: "frequent buyers" }, low: { noun: "occasional buyers" } }),
  webShare: channelShare("share of purchases online", "online", { high: { noun: "online shoppers" } }),
  catalogShare: channelShare("share of purchases from the catalogue", "from the catalogue", { high: { noun: "catalogue shoppers" } }),
  storeShare: channelShare("share of purchases in store", "in store", { high: { noun: "in-store shoppers" } }),
  dealRatio: words("share of purchases on a deal", "share", "buy on deals more", "buy on deals less", { high: { noun: "deal seekers" } }),
  webVisits: words("website visits a month", "count", "visit the website more often", "visit the website less often"),
  recency: words("time since the last purchase", "days", "have gone longer without buying", "bought more recently", {
    high: { adjective: "Lapsing" },
    low: { adjective: "Active" },
  }),
  tenure: words("time as a customer", "days", "have been customers longer", "became customers more recently", {
    high: { adjective: "Long-standing" },
    low: { adjective: "New" },
  }),
  acceptedCount: words("earlier campaigns accepted", "count", "accepted more earlier campaigns", "accepted fewer earlier campaigns", {
    high: { noun: "campaign responders" },
  }),
  responseRate: words(
    "predicted response to the next campaign",
    "probability",
    "are more likely to answer the next campaign",
    "are less likely to answer the next campaign",
    {
      high: { noun: "campaign responders" },
    },
  ),
  clv: level("expected lifetime value", "money", { high: { adjective: "High-value" }, low: { adjective: "Low-value" } }),
  pAlive: words("chance of still being active", "probability", "are more likely still active", "are more at risk of leaving", {
    low: { adjective: "Lapsing" },
  }),
};

/** Pipeline features no concept covers (lib/ml/features/definitions.ts), in the same comparatives. */
const FEATURE_WORDS: Record<string, ConceptWords> = {
  kidhome: counted("young children at home", "have", { high: { noun: "young families" } }),
  teenhome: counted("teenagers at home", "have", { high: { noun: "families with teenagers" } }),
  numDealsPurchases: words("purchases on a deal", "count", "make more purchases on a deal", "make fewer purchases on a deal"),
  spendPerPurchase: words("spend per purchase", "money", "spend more per purchase", "spend less per purchase"),
  ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`acceptedCmp${n}`, flag(`accepted campaign ${n}`, `accepted campaign ${n}`)])),
  complain: flag("complained in the last two years", "complained in the last two years"),
  educationLevel: level("education level"),
  educationBasic: flag("basic education", "have a basic education"),
  educationGraduation: flag("graduate degree", "have a graduate degree"),
  educationMaster: flag("master's degree", "have a master's degree"),
  education2nCycle: flag("2n cycle degree", "have a 2n cycle degree"),
  educationPhD: flag("PhD", "have a PhD"),
  livingAlone: flag("living alone", "live alone"),
  maritalMarried: flag("married", "are married"),
  maritalTogether: flag("living together", "live with a partner"),
  maritalSingle: flag("single", "are single"),
  maritalDivorced: flag("divorced", "are divorced"),
  maritalWidow: flag("widowed", "are widowed"),
};

/** Which concept, if any, a column name carries. */
export function findConcept(name: string): PersonaConcept | null {
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
  avgOrderValue: words("average order value", "money", "place larger orders", "place smaller orders", { high: { noun: "big-ticket buyers" } }),
  daysBetweenPurchases: words("days between purchases", "days", "wait longer between purchases", "buy again sooner"),
  unitsBought: words("units bought", "count", "buy more units", "buy fewer units", { high: { noun: "volume buyers" } }),
  returnShare: words("share of spend returned", "share", "return more of what they buy", "return less of what they buy", {
    high: { adjective: "Returns-prone" },
  }),
  cancelledShare: words("share of order value cancelled", "share", "cancel more of their orders", "cancel fewer of their orders"),
};

/** A category or channel share column ("category:Classic Cars"), or null for any other name. */
export function parseCategoryOrChannel(name: string): { kind: "category" | "channel"; value: string } | null {
  if (name.startsWith(CATEGORY_PREFIX)) return { kind: "category", value: name.slice(CATEGORY_PREFIX.length) };
  if (name.startsWith(CHANNEL_PREFIX)) return { kind: "channel", value: name.slice(CHANNEL_PREFIX.length) };
  return null;
}

function shareWords(name: string): ConceptWords | null {
  const column = parseCategoryOrChannel(name);
  if (column === null) return null;
  const { kind, value } = column;
  if (value === OTHER_CATEGORIES) return spendShare("other categories");
  if (value === OTHER_CHANNELS) return channelShare("share of purchases through other channels", "through other channels");
  if (kind === "category") return spendShare(value, { high: { noun: `${value} buyers` } });
  return channelShare(`share of purchases via ${value}`, `via ${value}`, { high: { qualifier: `via ${value}` } });
}

/** A custom attribute's words, by the file's own header: "have a higher Employees", "more often have Region North". */
function attributeWords(name: string): ConceptWords | null {
  if (!name.startsWith(ATTRIBUTE_PREFIX)) return null;
  const rest = name.slice(ATTRIBUTE_PREFIX.length);
  const at = rest.indexOf("=");
  if (at < 0) return level(rest);
  const [attribute, value] = [rest.slice(0, at), rest.slice(at + 1)];
  return flag(`share with ${attribute} ${value}`, `have ${attribute} ${value}`);
}

/** Words for a column: its concept's, the order-line or attribute words, or null for a column only a label describes. */
export function lookUpWords(name: string, concept: PersonaConcept | null): ConceptWords | null {
  if (concept !== null) return CONCEPT_WORDS[concept];
  return FEATURE_WORDS[name] ?? ORDER_WORDS[name] ?? shareWords(name) ?? attributeWords(name);
}
