/**
 * Seeded synthetic customers in the exact CustomerRecord shape, any number of them. Each row is
 * a pure function of (seed, index), so a file of any size can be generated in chunks, in any
 * order, and come out the same: rows draw from one random stream per block of 256 rows.
 *
 * Joint structure: a latent type (syntheticTypes.ts) sets age, education, income, children,
 * spend mix, channels, deals and responsiveness; income drives spend, children lower it;
 * campaign acceptance depends on responsiveness and income, and the last campaign's Response on
 * earlier acceptances and recency. Dirt at the real file's rates: ~1% missing income, birth
 * years before 1901, odd marital statuses, a rare 666,666 income, ~8% rows repeating the row
 * before them under a new id (within a block of 256 rows).
 */
import { createRng, mix32, type Rng } from "@/lib/ml/random";
import { ACCEPTED_FIELDS, KNOWN_EDUCATION, KNOWN_MARITAL_STATUS, type CustomerRecord } from "./customer";
import { CUSTOMER_TYPES, MARITAL_SHARES, type CustomerType } from "./syntheticTypes";

/** Synthetic ids start here, clear of the real file's 0–11191. */
export const SYNTHETIC_ID_OFFSET = 100_000;

const ENROLMENT_START = Date.UTC(2012, 6, 30);
const ENROLMENT_DAYS = 700; // to 2014-06-29, as in the real file
const DAY_MS = 86_400_000;

const DIRT = {
  duplicateRow: 0.081,
  missingIncome: 0.0107,
  ancientBirthYear: 0.0013,
  oddMaritalStatus: 0.0031,
  incomeOutlier: 0.00045,
};
const ANCIENT_BIRTH_YEARS = [1893, 1899, 1900];
const ODD_MARITAL_STATUSES = ["Alone", "Alone", "Alone", "Absurd", "Absurd", "YOLO", "YOLO"];

/**
 * Campaign acceptance on the log-odds scale. Intercepts are calibrated by simulation to the real
 * file's rates (Cmp1 6.4%, Cmp2 1.3%, Cmp3 7.3%, Cmp4 7.5%, Cmp5 7.3%, Response 14.9%); the
 * income slopes copy its pattern (Cmp1 and Cmp5 almost only above 70k, Cmp3 for everyone).
 */
const CAMPAIGNS: Record<AcceptedField, { intercept: number; responsiveness: number; income: number }> = {
  acceptedCmp1: { intercept: -5.45, responsiveness: 1, income: 2.2 },
  acceptedCmp2: { intercept: -5.6, responsiveness: 1, income: 0.9 },
  acceptedCmp3: { intercept: -2.59, responsiveness: 0.3, income: -0.4 },
  acceptedCmp4: { intercept: -3.68, responsiveness: 1, income: 1.0 },
  acceptedCmp5: { intercept: -5.9, responsiveness: 1, income: 2.7 },
};
const RESPONSE = { intercept: -2.88, perAccepted: 1, income: 0.3, perRecencyDay: -0.025 };
/**
 * Log-scale noise around each type's values. Kept small so customers of one type stay close
 * together on the segmentation features; the types' own differences carry the variety.
 */
const SPREAD = { spend: 0.25, spendShare: 0.2, channelShare: 0.15, dealShare: 0.25, webVisits: 0.2 };
const TYPE_WEIGHTS = CUSTOMER_TYPES.map((type) => type.weight);

type AcceptedField = (typeof ACCEPTED_FIELDS)[number];

/** Rows share one random stream per block, so a range can start anywhere at the cost of one partial block. */
const BLOCK_ROWS = 256;

export interface GenerateOptions {
  seed: number;
  /** Index of the first row; ids are SYNTHETIC_ID_OFFSET + index + 1. */
  start?: number;
  count: number;
}

export function generateCustomers(options: GenerateOptions): CustomerRecord[] {
  return generateCustomersWithTypes(options).records;
}

/**
 * The customers and their latent type (index into CUSTOMER_TYPES): the ground truth a
 * segmentation should find.
 */
export function generateCustomersWithTypes({ seed, start = 0, count }: GenerateOptions): {
  records: CustomerRecord[];
  types: Uint8Array;
} {
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a whole number ≥ 0 (got ${start})`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0 (got ${count})`);
  const records = new Array<CustomerRecord>(count);
  const types = new Uint8Array(count);
  const end = start + count;
  for (let block = Math.floor(start / BLOCK_ROWS); block * BLOCK_ROWS < end; block++) {
    const rng = createRng(blockSeed(seed, block));
    let previous: DrawnRow | null = null;
    const blockEnd = Math.min(end, (block + 1) * BLOCK_ROWS);
    for (let index = block * BLOCK_ROWS; index < blockEnd; index++) {
      previous = drawRow(rng, previous);
      if (index < start) continue;
      previous.record.externalId = String(SYNTHETIC_ID_OFFSET + index + 1);
      records[index - start] = previous.record;
      types[index - start] = previous.type;
    }
  }
  return { records, types };
}

interface DrawnRow {
  record: CustomerRecord;
  type: number;
}

function drawRow(rng: Rng, previous: DrawnRow | null): DrawnRow {
  if (rng.next() < DIRT.duplicateRow && previous) {
    const record = { ...previous.record, dtCustomer: new Date(previous.record.dtCustomer!.getTime()) };
    return { record, type: previous.type };
  }
  const type = pick(rng, TYPE_WEIGHTS);
  return { record: drawCustomer(rng, type), type };
}

function drawCustomer(rng: Rng, typeIndex: number): CustomerRecord {
  const type = CUSTOMER_TYPES[typeIndex];
  const yearBirth = clamp(Math.round(type.birthYear.mean + type.birthYear.sd * rng.normal()), 1940, 1996);
  const income = Math.round(type.income.median * Math.exp(type.income.spread * rng.normal()));
  const kidhome = children(rng, type.kidChance);
  const teenhome = children(rng, type.teenChance);
  const amounts = drawSpend(rng, type, income, kidhome, teenhome);
  const channels = drawPurchases(
    rng,
    type,
    amounts.reduce((a, b) => a + b, 0),
  );
  const purchases = channels[0] + channels[1] + channels[2];
  // Families buy more on deals; a deal purchase is one of the channel purchases.
  const dealShare = type.dealShare * (1 + 0.2 * (kidhome + teenhome));
  const recency = rng.int(100);
  const campaigns = drawCampaigns(rng, type, income, recency);

  return {
    externalId: "",
    yearBirth: rng.next() < DIRT.ancientBirthYear ? ANCIENT_BIRTH_YEARS[rng.int(3)] : yearBirth,
    education: KNOWN_EDUCATION[pick(rng, type.education)],
    maritalStatus:
      rng.next() < DIRT.oddMaritalStatus ? ODD_MARITAL_STATUSES[rng.int(ODD_MARITAL_STATUSES.length)] : KNOWN_MARITAL_STATUS[pick(rng, MARITAL_SHARES)],
    income: rng.next() < DIRT.missingIncome ? null : rng.next() < DIRT.incomeOutlier ? 666_666 : income,
    kidhome,
    teenhome,
    dtCustomer: new Date(ENROLMENT_START + rng.int(ENROLMENT_DAYS) * DAY_MS),
    recency,
    mntWines: amounts[0],
    mntFruits: amounts[1],
    mntMeatProducts: amounts[2],
    mntFishProducts: amounts[3],
    mntSweetProducts: amounts[4],
    mntGoldProds: amounts[5],
    numDealsPurchases: Math.min(15, purchases, noisyCount(rng, purchases * dealShare, SPREAD.dealShare)),
    numWebPurchases: channels[0],
    numCatalogPurchases: channels[1],
    numStorePurchases: channels[2],
    numWebVisitsMonth: Math.min(20, noisyCount(rng, type.webVisitsMean, SPREAD.webVisits)),
    ...campaigns.accepted,
    complain: rng.next() < 0.0094 ? 1 : 0,
    zCostContact: 3,
    zRevenue: 11,
    response: campaigns.response,
  };
}

/**
 * Spend per category (SPEND_FIELDS order). About 460 at the real median income of 51k, rising
 * with income^2.2 as in the real file; each small child halves it, each teenager trims 15%;
 * capped near the real maximum.
 */
function drawSpend(rng: Rng, type: CustomerType, income: number, kids: number, teens: number): number[] {
  const base = 460 * Math.pow(income / 51_000, 2.2) * type.spendScale;
  const spend = Math.min(2600, base * Math.pow(0.5, kids) * Math.pow(0.85, teens) * Math.exp(SPREAD.spend * rng.normal()));
  const weights = type.spendShares.map((share) => share * Math.exp(SPREAD.spendShare * rng.normal()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((spend * w) / weightSum));
}

/**
 * Purchases by channel (web, catalogue, store), more for bigger spenders, capped at the real
 * maxima. The split follows the type's (slightly jittered) channel mix closely: whole parts
 * first, the few purchases left over drawn in proportion to the fractions. Drawing each purchase
 * apart would scatter small buyers over all channels and blur the types.
 */
function drawPurchases(rng: Rng, type: CustomerType, spend: number): [number, number, number] {
  const purchases = Math.max(0, Math.round(2.5 + 0.5 * Math.sqrt(spend) + 1.5 * rng.normal()));
  const weights = type.channelShares.map((share) => share * Math.exp(SPREAD.channelShare * rng.normal()));
  const weightSum = weights[0] + weights[1] + weights[2];
  const channels: [number, number, number] = [0, 0, 0];
  const remainders = [0, 0, 0];
  let left = purchases;
  for (let c = 0; c < 3; c++) {
    const exact = (purchases * weights[c]) / weightSum;
    channels[c] = Math.floor(exact);
    remainders[c] = exact - channels[c];
    left -= channels[c];
  }
  for (; left > 0; left--) {
    const c = pick(rng, remainders);
    channels[c]++;
    remainders[c] = 0;
  }
  return [Math.min(27, channels[0]), Math.min(28, channels[1]), Math.min(13, channels[2])];
}

/** Earlier campaigns by responsiveness and income; the last one (Response) also by those and by recency. */
function drawCampaigns(rng: Rng, type: CustomerType, income: number, recency: number): { accepted: Record<AcceptedField, number>; response: number } {
  const affluence = (income - 51_000) / 20_000;
  const responsiveness = type.responsiveness + 0.6 * rng.normal();
  const accepted = {} as Record<AcceptedField, number>;
  let acceptedCount = 0;
  for (const field of ACCEPTED_FIELDS) {
    const c = CAMPAIGNS[field];
    accepted[field] = bernoulli(rng, c.intercept + c.responsiveness * responsiveness + c.income * affluence);
    acceptedCount += accepted[field];
  }
  const logOdds =
    RESPONSE.intercept + responsiveness + RESPONSE.perAccepted * acceptedCount + RESPONSE.income * affluence + RESPONSE.perRecencyDay * (recency - 50);
  return { accepted, response: bernoulli(rng, logOdds) };
}

/** A well-mixed 32-bit seed per (seed, block), so neighbouring blocks draw unrelated numbers. */
function blockSeed(seed: number, block: number): number {
  return mix32(mix32(seed ^ 0x5bd1e995) ^ mix32(block + 0x9e3779b9));
}

/** An index drawn with probability proportional to its weight. */
export function pick(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** A whole count near `mean`, with log-normal noise (tighter than a Poisson count). */
function noisyCount(rng: Rng, mean: number, spread: number): number {
  return Math.round(mean * Math.exp(spread * rng.normal() - (spread * spread) / 2));
}

function children(rng: Rng, chance: number): number {
  if (rng.next() >= chance) return 0;
  return rng.next() < 0.05 ? 2 : 1;
}

function bernoulli(rng: Rng, logOdds: number): number {
  return rng.next() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
