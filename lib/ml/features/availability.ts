/** Which models the columns present allow, and why the others are skipped. */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import type { SummaryLookup } from "./cleaning";

export const MIN_CUSTOMERS = 200;
export const MIN_RESPONDERS = 50;

export type ModelKind = "segmentation" | "response" | "clv";

export interface ModelAvailability {
  available: { model: ModelKind; rows: number; features: "behavioural" | "rfm" | "response" }[];
  skipped: { model: ModelKind; reason: string }[];
}

const hasBehaviour = (record: CustomerRecord): boolean => [...SPEND_FIELDS, ...PURCHASE_FIELDS].some((field) => record[field] !== null);

/** Why a response model cannot be fitted on these records, or null when it can. */
export function findResponseDataProblem(records: readonly CustomerRecord[]): string | null {
  const labelled = records.filter((record) => record.response !== null);
  if (labelled.length === 0) return "no Response column";
  if (labelled.length < MIN_CUSTOMERS) return `fewer than ${MIN_CUSTOMERS} customers with a Response (${labelled.length})`;
  const responders = labelled.filter((record) => record.response === 1).length;
  if (responders < MIN_RESPONDERS) return `fewer than ${MIN_RESPONDERS} responders (${responders})`;
  if (labelled.length - responders < MIN_RESPONDERS) return `fewer than ${MIN_RESPONDERS} non-responders (${labelled.length - responders})`;
  return null;
}

export function listAvailableModels(records: readonly CustomerRecord[], options: { summaries?: SummaryLookup } = {}): ModelAvailability {
  const report: ModelAvailability = { available: [], skipped: [] };
  const profiled = records.filter(hasBehaviour).length;
  const summarised = options.summaries ? records.filter((record) => options.summaries!.has(record.externalId)).length : 0;

  if (profiled >= MIN_CUSTOMERS) report.available.push({ model: "segmentation", rows: records.length, features: "behavioural" });
  else if (summarised >= MIN_CUSTOMERS) report.available.push({ model: "segmentation", rows: summarised, features: "rfm" });
  else
    report.skipped.push({
      model: "segmentation",
      reason: `fewer than ${MIN_CUSTOMERS} customers with spend, purchase or order data (${Math.max(profiled, summarised)})`,
    });

  const problem = findResponseDataProblem(records);
  if (problem === null) report.available.push({ model: "response", rows: records.filter((r) => r.response !== null).length, features: "response" });
  else report.skipped.push({ model: "response", reason: problem });

  if (summarised >= MIN_CUSTOMERS) report.available.push({ model: "clv", rows: summarised, features: "rfm" });
  else
    report.skipped.push({
      model: "clv",
      reason: summarised === 0 ? "no order history" : `fewer than ${MIN_CUSTOMERS} customers with order history (${summarised})`,
    });
  return report;
}
