import type { CustomerRecord } from "@/lib/data/customer";

/** A customer as the scoring API takes it: the import's field names, dates as ISO days. */
export function toApiCustomer(record: CustomerRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, value instanceof Date ? value.toISOString().slice(0, 10) : value]));
}
