/**
 * Plausible customers for scale benchmarks, shaped like the marketing-campaign file (same
 * ranges, correlations in the expected direction, a ~15% response rate driven by recency,
 * tenure, earlier acceptances and household). Not a substitute for the team's generator.
 */
import { emptyCustomer, type CustomerRecord } from "@/lib/data/customer";
import { createRng, type Rng } from "@/lib/ml/random";

const pick = <T>(rng: Rng, items: readonly [T, number][]): T => {
  let u = rng.next();
  for (const [item, p] of items) if ((u -= p) < 0) return item;
  return items[items.length - 1][0];
};
const bernoulli = (rng: Rng, p: number): number => (rng.next() < p ? 1 : 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const FIRST_ENROLMENT = Date.UTC(2012, 6, 30);
const LAST_ENROLMENT = Date.UTC(2014, 5, 29);

export function simulateCustomers(count: number, seed: number): CustomerRecord[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => simulateOne(rng, `sim-${i + 1}`));
}

function simulateOne(rng: Rng, id: string): CustomerRecord {
  const c = emptyCustomer(id);
  c.yearBirth = Math.round(Math.min(1996, Math.max(1940, 1969 + 12 * rng.normal())));
  c.education = pick(rng, [["Graduation", 0.5], ["PhD", 0.22], ["Master", 0.16], ["2n Cycle", 0.09], ["Basic", 0.03]]);
  c.maritalStatus = pick(rng, [["Married", 0.39], ["Together", 0.26], ["Single", 0.21], ["Divorced", 0.1], ["Widow", 0.04]]);
  const base = c.education === "Basic" ? 20_000 : c.education === "PhD" ? 56_000 : 51_000;
  const income = Math.max(2_000, base + 20_000 * rng.normal());
  c.income = rng.next() < 0.01 ? null : Math.round(income);
  const wealth = (income - 52_000) / 20_000;
  c.kidhome = bernoulli(rng, sigmoid(-0.3 - 1.5 * wealth)) + bernoulli(rng, 0.03);
  c.teenhome = bernoulli(rng, sigmoid((1969 - c.yearBirth) / 8)) + bernoulli(rng, 0.03);
  c.dtCustomer = new Date(FIRST_ENROLMENT + Math.floor(rng.next() * ((LAST_ENROLMENT - FIRST_ENROLMENT) / 86_400_000 + 1)) * 86_400_000);
  c.recency = rng.int(100);
  const spend = Math.exp(5.6 + 1.1 * wealth - 0.6 * c.kidhome - 0.3 * c.teenhome + 0.6 * rng.normal());
  const weights = [3, 0.4, 1.7, 0.5, 0.4, 0.8].map((w) => w * Math.exp(0.5 * rng.normal()));
  const total = weights.reduce((a, b) => a + b, 0);
  [c.mntWines, c.mntFruits, c.mntMeatProducts, c.mntFishProducts, c.mntSweetProducts, c.mntGoldProds] = weights.map((w) =>
    Math.round((spend * w) / total),
  );
  const purchases = Math.max(0, Math.round(3 + 2.2 * Math.log1p(spend / 10) + 2 * rng.normal()));
  const catalog = sigmoid(wealth - 1) * 0.4;
  c.numCatalogPurchases = Math.round(purchases * catalog);
  c.numWebPurchases = Math.round(purchases * (1 - catalog) * (0.3 + 0.2 * rng.next()));
  c.numStorePurchases = purchases - c.numCatalogPurchases - c.numWebPurchases;
  c.numDealsPurchases = Math.min(15, Math.round((purchases * (0.1 + 0.15 * (c.kidhome + c.teenhome))) / 1.5));
  c.numWebVisitsMonth = Math.max(0, Math.min(20, Math.round(6 - 2 * wealth + 2 * rng.normal())));
  const campaignTaste = rng.normal();
  [c.acceptedCmp1, c.acceptedCmp2, c.acceptedCmp3, c.acceptedCmp4, c.acceptedCmp5] = [1.2, -1.5, 0, 0.5, 1.5].map((w) =>
    bernoulli(rng, sigmoid(-3.2 + w * Math.max(0, wealth) + campaignTaste)),
  );
  c.complain = bernoulli(rng, 0.01);
  c.zCostContact = 3;
  c.zRevenue = 11;
  const accepted = c.acceptedCmp1 + c.acceptedCmp2 + c.acceptedCmp3 + c.acceptedCmp4 + c.acceptedCmp5;
  const tenureYears = (Date.UTC(2014, 6, 1) - c.dtCustomer.getTime()) / (365 * 86_400_000);
  const alone = c.maritalStatus === "Married" || c.maritalStatus === "Together" ? 0 : 1;
  const logit = -4.3 + 0.9 * accepted + 0.6 * campaignTaste - 0.028 * (c.recency - 50) + 1.4 * tenureYears + 0.8 * alone - 0.7 * c.teenhome + 0.8 * catalog;
  c.response = bernoulli(rng, sigmoid(logit));
  return c;
}
