/** The second stage: every feature of ALL_FEATURES, unscaled, from a cleaned row. */
import { ACCEPTED_FIELDS, PURCHASE_FIELDS, SPEND_FIELDS } from "@/lib/data/customer";
import { INPUT, TOTAL_PURCHASES, TOTAL_SPEND, type RowFacts } from "./cleaning";
import { ALL_FEATURES } from "./definitions";
import { quintileScore, recencyScore, type RfmEdges } from "./rfm";

const EDUCATION_ONE_HOT = ["basic", "graduation", "master", "2n cycle", "phd"];
const MARITAL_ONE_HOT = ["married", "together", "single", "divorced", "widow"];
const SPEND = SPEND_FIELDS.map((field) => INPUT[field]);
const PURCHASES = PURCHASE_FIELDS.map((field) => INPUT[field]);
const ACCEPTED = ACCEPTED_FIELDS.map((field) => INPUT[field]);

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** Writes ALL_FEATURES.length values for one cleaned row into `out` at `offset`, in ALL_FEATURES order. */
export function writeFeatureVector(clean: Float64Array, facts: RowFacts, rfm: RfmEdges, out: Float64Array, offset: number): void {
  let at = offset;
  const put = (value: number) => (out[at++] = value);
  const totalSpend = clean[TOTAL_SPEND];
  const totalPurchases = clean[TOTAL_PURCHASES];
  let spendSum = 0;
  for (const c of SPEND) spendSum += clean[c];
  let purchaseSum = 0;
  for (const c of PURCHASES) purchaseSum += clean[c];
  let accepted = 0;
  for (const c of ACCEPTED) accepted += clean[c];

  put(clean[INPUT.age]);
  put(clean[INPUT.tenureDays]);
  put(clean[INPUT.income]);
  put(clean[INPUT.kidhome]);
  put(clean[INPUT.teenhome]);
  put(clean[INPUT.kidhome] + clean[INPUT.teenhome]);
  put(totalSpend);
  put(Math.log1p(totalSpend));
  for (const c of SPEND) put(Math.log1p(clean[c]));
  for (const c of SPEND) put(ratio(clean[c], spendSum));
  put(totalPurchases);
  for (const c of PURCHASES) put(ratio(clean[c], purchaseSum));
  put(clean[INPUT.numDealsPurchases]);
  // A few rows count more deal purchases than purchases over all channels: capped at 1.
  put(Math.min(1, ratio(clean[INPUT.numDealsPurchases], totalPurchases)));
  put(clean[INPUT.numWebVisitsMonth]);
  put(totalSpend / Math.max(1, totalPurchases));
  put(accepted);
  for (const c of ACCEPTED) put(clean[c]);
  put(clean[INPUT.complain]);
  put(clean[INPUT.educationLevel]);
  for (const key of EDUCATION_ONE_HOT) put(facts.educationKey === key ? 1 : 0);
  put(clean[INPUT.livingAlone]);
  for (const key of MARITAL_ONE_HOT) put(facts.maritalKey === key ? 1 : 0);
  put(clean[INPUT.recency]);
  put(recencyScore(rfm.recency, clean[INPUT.recency]));
  put(quintileScore(rfm.frequency, totalPurchases));
  put(quintileScore(rfm.monetary, totalSpend));
  if (at - offset !== ALL_FEATURES.length) throw new Error(`writeFeatureVector: wrote ${at - offset} values for ${ALL_FEATURES.length} features`);
}
