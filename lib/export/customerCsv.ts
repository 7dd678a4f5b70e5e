/**
 * The columns of every customer export: the scores first, then the customer's attributes
 * under the marketing file's own headers (so a spreadsheet user recognises them).
 */
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";
import type { ScoreValues } from "@/lib/db/scoreRow";
import type { CsvValue } from "./csv";

export const SCORE_HEADER = ["customer_id", "segment_id", "segment_name", "response_probability", "clv_12m", "clv_low", "clv_high", "p_alive"] as const;

const ATTRIBUTES = CUSTOMER_COLUMNS.filter((column) => column.field !== "externalId");

export const CUSTOMER_HEADER: readonly string[] = [...SCORE_HEADER, ...ATTRIBUTES.map((column) => column.header)];

export type ScoredCustomer = Omit<ScoreValues, "customerId"> & { customer: CustomerRecord };

/** SQLite hands dates back as ISO text, PostgreSQL as Date: both become YYYY-MM-DD. */
function day(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value.toISOString() : value).slice(0, 10);
}

export function customerCells(row: ScoredCustomer, segmentName: string | undefined): CsvValue[] {
  const { customer } = row;
  return [
    customer.externalId,
    row.segmentKey,
    segmentName ?? null,
    row.responseProbability,
    row.clv,
    row.clvLow,
    row.clvHigh,
    row.pAlive,
    ...ATTRIBUTES.map((column) => (column.kind === "date" ? day(customer[column.field] as Date | string | null) : (customer[column.field] as CsvValue))),
  ];
}
