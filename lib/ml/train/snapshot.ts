/**
 * The snapshot date, when the caller gives none. Recency counts days back from the date the
 * data were extracted, and a customer's last purchase cannot precede their enrolment, so the
 * extract date is at least enrolment + recency for every customer: we take the latest such
 * date. With order lines, the day after the last order.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { asOrderTable, type OrderLines } from "@/lib/data/orderTable";

const DAY_MS = 86_400_000;

export function inferSnapshotDate(customers: readonly CustomerRecord[], orders: OrderLines = []): Date {
  let latest = Number.NEGATIVE_INFINITY;
  for (const customer of customers) {
    if (customer.dtCustomer) latest = Math.max(latest, customer.dtCustomer.getTime() + (customer.recency ?? 0) * DAY_MS);
  }
  const { time } = asOrderTable(orders).columns();
  for (let line = 0; line < time.length; line++) latest = Math.max(latest, time[line] + DAY_MS);
  if (!Number.isFinite(latest)) throw new Error("cannot infer a snapshot date: no enrolment dates and no orders; pass snapshotDate");
  return new Date(Math.floor(latest / DAY_MS) * DAY_MS);
}
