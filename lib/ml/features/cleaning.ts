/**
 * The first stage of the pipeline: turn a CustomerRecord (plus an optional order-line
 * summary) into complete numbers. Medians, income-by-education medians and winsorisation
 * bounds are learned on the training rows only and stored as plain data. Rows are flat
 * Float64Arrays indexed by INPUT (NaN = missing) because this runs on every customer.
 */
import { ACCEPTED_FIELDS, PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import { normaliseEducation, rankEducation, isLivingAlone, normaliseMaritalStatus } from "./categories";
import { clamp, quantiles } from "./stats";

/** What order lines say about a customer without a profile (recency and tenure in days). */
export interface CustomerSummary {
  frequency: number;
  recencyDays: number;
  monetary: number;
  tenureDays: number;
}
export type SummaryLookup = ReadonlyMap<string, CustomerSummary>;

const RECORD_INPUTS = [
  "kidhome",
  "teenhome",
  "recency",
  ...SPEND_FIELDS,
  "numDealsPurchases",
  ...PURCHASE_FIELDS,
  "numWebVisitsMonth",
  ...ACCEPTED_FIELDS,
  "complain",
  "income",
] as const;
/** Every numeric input; all but income are imputed by their training median when missing. */
export const INPUTS = [...RECORD_INPUTS, "age", "tenureDays", "educationLevel", "livingAlone"] as const;
export type Input = (typeof INPUTS)[number];
export const INPUT = Object.fromEntries(INPUTS.map((name, i) => [name, i])) as Record<Input, number>;
/** A cleaned row holds the inputs, then total spend and total purchases. */
export const CLEAN_WIDTH = INPUTS.length + 2;
export const TOTAL_SPEND = INPUTS.length;
export const TOTAL_PURCHASES = INPUTS.length + 1;
/** Inputs clipped to their training 1st/99th percentiles (spend is heavy-tailed; income has a 666,666). */
export const WINSORISED_INPUTS = ["income", ...SPEND_FIELDS] as const;

export const MIN_BIRTH_YEAR = 1900;
export const MAX_AGE = 110;
const DAY_MS = 86_400_000;

export interface CleaningParams {
  medians: Record<Input, number>;
  /** Median income per education level (0 Basic, 1 Graduation, 2 Master incl. 2n Cycle, 3 PhD). */
  incomeByEducation: Record<string, number>;
  bounds: Record<string, [number, number]>;
  /** Inputs with no value at all in the training rows (imputed as 0). */
  missingInFit: string[];
}

/** The non-numeric facts about a row that later stages need. */
export interface RowFacts {
  educationKey: string | null;
  maritalKey: string | null;
  impossibleAge: boolean;
  /** From the order-line summary, used when the profile has no spend / purchase columns. */
  summaryMonetary: number | null;
  summaryFrequency: number | null;
}

/** Writes the record's inputs into `out` (NaN where missing) and returns its other facts. */
export function readInputs(record: CustomerRecord, snapshot: Date, summary: CustomerSummary | undefined, out: Float64Array): RowFacts {
  for (const field of RECORD_INPUTS) out[INPUT[field]] = record[field] ?? Number.NaN;
  const age = record.yearBirth === null ? Number.NaN : snapshot.getUTCFullYear() - record.yearBirth;
  const impossibleAge = record.yearBirth !== null && (record.yearBirth < MIN_BIRTH_YEAR || age > MAX_AGE || age < 0);
  out[INPUT.age] = impossibleAge ? Number.NaN : age;
  out[INPUT.tenureDays] = record.dtCustomer === null ? Number.NaN : Math.round((snapshot.getTime() - record.dtCustomer.getTime()) / DAY_MS);
  out[INPUT.educationLevel] = rankEducation(record.education) ?? Number.NaN;
  out[INPUT.livingAlone] = isLivingAlone(record.maritalStatus) ?? Number.NaN;
  if (summary) {
    if (Number.isNaN(out[INPUT.recency])) out[INPUT.recency] = summary.recencyDays;
    if (Number.isNaN(out[INPUT.tenureDays])) out[INPUT.tenureDays] = summary.tenureDays;
  }
  const noSpend = SPEND_FIELDS.every((field) => record[field] === null);
  const noPurchases = PURCHASE_FIELDS.every((field) => record[field] === null);
  return {
    educationKey: normaliseEducation(record.education),
    maritalKey: normaliseMaritalStatus(record.maritalStatus),
    impossibleAge,
    summaryMonetary: noSpend && summary ? summary.monetary : null,
    summaryFrequency: noPurchases && summary ? summary.frequency : null,
  };
}

function finiteColumn(raw: Float64Array, rows: readonly number[], input: number, keep: (row: number) => boolean = () => true): number[] {
  const values: number[] = [];
  for (const i of rows) {
    const value = raw[i * INPUTS.length + input];
    if (!Number.isNaN(value) && keep(i)) values.push(value);
  }
  return values;
}

/** Learns the cleaning parameters from the fitting rows of `raw` (row-major, INPUTS.length wide). */
export function fitCleaning(raw: Float64Array, rows: readonly number[]): CleaningParams {
  const missingInFit: string[] = [];
  const medians = {} as Record<Input, number>;
  const bounds: Record<string, [number, number]> = {};
  INPUTS.forEach((input, c) => {
    const values = finiteColumn(raw, rows, c);
    if (values.length === 0) {
      missingInFit.push(input);
      medians[input] = 0;
      return;
    }
    const [low, median, high] = quantiles(values, [0.01, 0.5, 0.99]);
    medians[input] = median;
    if ((WINSORISED_INPUTS as readonly string[]).includes(input)) bounds[input] = [low, high];
  });
  const incomeByEducation: Record<string, number> = {};
  for (let level = 0; level <= 3; level++) {
    const incomes = finiteColumn(raw, rows, INPUT.income, (i) => raw[i * INPUTS.length + INPUT.educationLevel] === level);
    if (incomes.length > 0) incomeByEducation[String(level)] = quantiles(incomes, [0.5])[0];
  }
  return { medians, incomeByEducation, bounds, missingInFit };
}

/** The parameters as flat arrays, prepared once per transform. */
export interface PreparedCleaning {
  fill: Float64Array;
  low: Float64Array;
  high: Float64Array;
  incomeByLevel: number[];
}

export function prepareCleaning(params: CleaningParams): PreparedCleaning {
  const fill = Float64Array.from(INPUTS, (input) => params.medians[input]);
  const low = Float64Array.from(INPUTS, (input) => params.bounds[input]?.[0] ?? -Infinity);
  const high = Float64Array.from(INPUTS, (input) => params.bounds[input]?.[1] ?? Infinity);
  const incomeByLevel = [0, 1, 2, 3].map((level) => params.incomeByEducation[String(level)] ?? params.medians.income);
  return { fill, low, high, incomeByLevel };
}

/** Imputes, winsorises and totals one row of inputs into `out` (CLEAN_WIDTH values). */
export function cleanRow(prepared: PreparedCleaning, raw: Float64Array, facts: RowFacts, out: Float64Array): void {
  const level = raw[INPUT.educationLevel];
  for (let c = 0; c < INPUTS.length; c++) {
    let value = raw[c];
    // Income falls back to the median of the customer's education level, known before imputation.
    if (Number.isNaN(value)) value = c === INPUT.income && !Number.isNaN(level) ? prepared.incomeByLevel[level] : prepared.fill[c];
    out[c] = clamp(value, prepared.low[c], prepared.high[c]);
  }
  let spend = 0;
  for (const field of SPEND_FIELDS) spend += out[INPUT[field]];
  let purchases = 0;
  for (const field of PURCHASE_FIELDS) purchases += out[INPUT[field]];
  out[TOTAL_SPEND] = facts.summaryMonetary ?? spend;
  out[TOTAL_PURCHASES] = facts.summaryFrequency ?? purchases;
}
