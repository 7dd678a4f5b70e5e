/**
 * Building the (x, t_x, T, monetary) summary the CLV models read. Time unit: days (UTC
 * calendar days); use PERIODS_PER_MONTH.days when scoring.
 *
 * From order lines (exact, lifetimes' summary_data_from_transaction_data conventions):
 * - a purchase is a distinct calendar day with orders; several orders on one day are one purchase;
 * - x = distinct purchase days − 1, t_x = last − first purchase day, T = snapshot − first purchase day;
 * - monetary = mean amount per repeat purchase day, the first day excluded (0 when x = 0);
 * - orders after the snapshot date are left out (and counted); default snapshot: the last order day.
 *
 * From marketing-campaign profiles (approximate: the file only has totals):
 * - T = days from Dt_Customer to the snapshot date (the enrolment date stands in for the first purchase);
 * - x = NumWeb + NumCatalog + NumStorePurchases − 1, floored at 0 (NumDealsPurchases is left out:
 *   deal purchases are assumed to be counted in a channel as well);
 * - t_x = T − Recency (Recency >= 0, so t_x <= T); t_x = 0 when x = 0, as the model requires.
 *   Clamping t_x at 0 when Recency >= T would give repeat purchases at t_x = 0, which makes the
 *   BG/NBD likelihood unbounded, so such customers (last purchase not after enrolment) are excluded;
 * - monetary = total spend over the six Mnt* fields / total purchases (0 with no purchases). This
 *   includes the first purchase, unlike the order-line summary, and Mnt* cover the last two years
 *   only, not the whole span T.
 * Customers lacking any of these fields, enrolled after the snapshot, or with negative counts
 * are reported in `excluded` with their input index, never guessed.
 */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import type { RfmSummary } from "./rfmSummary";

const DAY_MS = 86_400_000;

export interface CustomerRfmSummary extends RfmSummary {
  monetary: Float64Array;
  /** Row i of the columns belongs to customerIds[i]. */
  customerIds: string[];
}

export interface OrdersSummary extends CustomerRfmSummary {
  snapshotDate: Date;
  ordersAfterSnapshot: number;
}

export function summaryFromOrders(orders: readonly OrderRecord[], options: { snapshotDate?: Date } = {}): OrdersSummary {
  const days = orders.map((order, index) => {
    const time = order.orderDate instanceof Date ? order.orderDate.getTime() : NaN;
    if (!Number.isFinite(time)) throw new RangeError(`order at index ${index}: orderDate is not a valid date`);
    if (!Number.isFinite(order.amount)) throw new RangeError(`order at index ${index}: amount must be a finite number, got ${order.amount}`);
    return Math.floor(time / DAY_MS);
  });
  if (options.snapshotDate && !Number.isFinite(options.snapshotDate.getTime())) throw new RangeError("snapshotDate is not a valid date");
  if (!options.snapshotDate && orders.length === 0) throw new RangeError("no orders to summarise and no snapshotDate");
  const snapshot = options.snapshotDate ? Math.floor(options.snapshotDate.getTime() / DAY_MS) : days.reduce((latest, day) => Math.max(latest, day), -Infinity);
  // Per customer (in order of first appearance): spend per purchase day.
  const spendByDay = new Map<string, Map<number, number>>();
  let ordersAfterSnapshot = 0;
  orders.forEach((order, index) => {
    if (days[index] > snapshot) {
      ordersAfterSnapshot++;
      return;
    }
    let perDay = spendByDay.get(order.customerId);
    if (perDay === undefined) spendByDay.set(order.customerId, (perDay = new Map()));
    perDay.set(days[index], (perDay.get(days[index]) ?? 0) + order.amount);
  });
  const n = spendByDay.size;
  const summary: OrdersSummary = {
    ...emptyColumns(n),
    snapshotDate: new Date(snapshot * DAY_MS),
    ordersAfterSnapshot,
  };
  let i = 0;
  for (const [customerId, perDay] of spendByDay) {
    const purchaseDays = [...perDay.keys()].sort((a, b) => a - b);
    const first = purchaseDays[0];
    const x = purchaseDays.length - 1;
    let repeatSpend = 0;
    for (let k = 1; k <= x; k++) repeatSpend += perDay.get(purchaseDays[k])!;
    summary.customerIds[i] = customerId;
    summary.frequency[i] = x;
    summary.recency[i] = purchaseDays[x] - first;
    summary.T[i] = snapshot - first;
    summary.monetary[i] = x > 0 ? repeatSpend / x : 0;
    i++;
  }
  return summary;
}

export interface ProfilesSummary extends CustomerRfmSummary {
  /** Row i of the columns comes from customers[inputIndex[i]]. */
  inputIndex: number[];
  excluded: { index: number; reason: string }[];
}

export function summaryFromProfiles(customers: readonly CustomerRecord[], options: { snapshotDate: Date }): ProfilesSummary {
  const snapshotTime = options.snapshotDate.getTime();
  if (!Number.isFinite(snapshotTime)) throw new RangeError("snapshotDate is not a valid date");
  const snapshot = Math.floor(snapshotTime / DAY_MS);
  const rows: { index: number; id: string; x: number; tx: number; T: number; monetary: number }[] = [];
  const excluded: { index: number; reason: string }[] = [];
  const needed = ["dtCustomer", "recency", ...PURCHASE_FIELDS, ...SPEND_FIELDS] as const;
  for (let index = 0; index < customers.length; index++) {
    const customer = customers[index];
    const missing = needed.filter((field) => customer[field] === null);
    if (missing.length > 0) {
      excluded.push({ index, reason: `missing ${missing.join(", ")}` });
      continue;
    }
    const T = snapshot - Math.floor(customer.dtCustomer!.getTime() / DAY_MS);
    if (!(T >= 0)) {
      excluded.push({ index, reason: "dtCustomer is after the snapshot date" });
      continue;
    }
    if (PURCHASE_FIELDS.some((field) => customer[field]! < 0) || customer.recency! < 0) {
      excluded.push({ index, reason: "negative purchase count or recency" });
      continue;
    }
    const purchases = PURCHASE_FIELDS.reduce((sum, field) => sum + customer[field]!, 0);
    const spend = SPEND_FIELDS.reduce((sum, field) => sum + customer[field]!, 0);
    const x = Math.max(0, purchases - 1);
    const tx = x === 0 ? 0 : T - customer.recency!;
    if (x > 0 && tx <= 0) {
      excluded.push({ index, reason: "repeat purchases but Recency >= days since Dt_Customer" });
      continue;
    }
    rows.push({ index, id: customer.externalId, x, tx, T, monetary: purchases > 0 ? spend / purchases : 0 });
  }
  const summary: ProfilesSummary = { ...emptyColumns(rows.length), inputIndex: rows.map((row) => row.index), excluded };
  rows.forEach((row, i) => {
    summary.customerIds[i] = row.id;
    summary.frequency[i] = row.x;
    summary.recency[i] = row.tx;
    summary.T[i] = row.T;
    summary.monetary[i] = row.monetary;
  });
  return summary;
}

function emptyColumns(n: number): CustomerRfmSummary {
  return {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    customerIds: new Array<string>(n),
  };
}
