/**
 * Where each profile feature comes from: the inputs it needs. A feature is observed for a
 * customer only when all of them were in the data (an order-line summary stands in for recency,
 * tenure, spend and purchase counts); otherwise it was imputed, and persona tables show it as
 * missing rather than as the median that filled it.
 */
import { ACCEPTED_FIELDS, PURCHASE_FIELDS, SPEND_FIELDS } from "@/lib/data/customer";
import { INPUT, INPUTS, type Input, type RowFacts } from "./cleaning";
import { ALL_FEATURES } from "./definitions";

const SPEND = [...SPEND_FIELDS] as Input[];
const PURCHASES = [...PURCHASE_FIELDS] as Input[];

/** Spend and purchase totals also come from order lines when the profile has none. */
type Need = Input | "spendTotal" | "purchaseTotal";

function listNeeds(feature: string): Need[] {
  if (feature.startsWith("log") && feature !== "logTotalSpend") return [`mnt${feature.slice(3)}` as Input];
  if (feature.startsWith("share") && SPEND.includes(`mnt${feature.slice(5)}` as Input)) return SPEND;
  if (feature.startsWith("education")) return ["educationLevel"];
  if (feature.startsWith("marital") || feature === "livingAlone") return ["livingAlone"];
  if (feature.startsWith("acceptedCmp")) return [feature as Input];
  switch (feature) {
    case "children":
      return ["kidhome", "teenhome"];
    case "totalSpend":
    case "logTotalSpend":
    case "mScore":
      return ["spendTotal"];
    case "totalPurchases":
    case "fScore":
      return ["purchaseTotal"];
    case "shareWeb":
    case "shareCatalog":
    case "shareStore":
      return PURCHASES;
    case "dealRatio":
      return ["numDealsPurchases", "purchaseTotal"];
    case "spendPerPurchase":
      return ["spendTotal", "purchaseTotal"];
    case "acceptedCount":
      return [...ACCEPTED_FIELDS];
    case "rScore":
      return ["recency"];
    default:
      if (!(INPUTS as readonly string[]).includes(feature)) throw new Error(`provenance: no inputs known for feature ${feature}`);
      return [feature as Input];
  }
}

const NEEDS = ALL_FEATURES.map(listNeeds);

/** Per feature of ALL_FEATURES, in order: 1 when every input it needs was in the data for this row. */
export function listObservedFeatures(raw: Float64Array, facts: RowFacts, out: Uint8Array): void {
  const has = (need: Need): boolean => {
    if (need === "spendTotal") return facts.summaryMonetary !== null || SPEND.every((input) => !Number.isNaN(raw[INPUT[input]]));
    if (need === "purchaseTotal") return facts.summaryFrequency !== null || PURCHASES.every((input) => !Number.isNaN(raw[INPUT[input]]));
    return !Number.isNaN(raw[INPUT[need]]);
  };
  NEEDS.forEach((needs, f) => (out[f] = needs.every(has) ? 1 : 0));
}
