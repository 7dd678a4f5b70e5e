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
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord, type OrderLineKind } from "@/lib/data/customer";
import type { RfmSummary } from "./rfmSummary";
import { asOrderTable, kindCode, type OrderLines } from "@/lib/data/orderTable";

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

export function summaryFromOrders(
  orders: OrderLines,
  options: { snapshotDate?: Date; /** Summarise only the lines of this kind (all, by default). */ only?: OrderLineKind } = {},
): OrdersSummary {
  const { customer, time, amount, kind, customerIds } = asOrderTable(orders).columns();
  const only = options.only === undefined ? -1 : kindCode(options.only);
  const lines = time.length;
  // Per line: its day (NaN for a line left out).
  const days = new Float64Array(lines).fill(NaN);
  let latest = -Infinity;
  for (let line = 0; line < lines; line++) {
    if (only >= 0 && kind[line] !== only) continue;
    if (!Number.isFinite(time[line])) throw new RangeError(`order at index ${line}: orderDate is not a valid date`);
    if (!Number.isFinite(amount[line])) throw new RangeError(`order at index ${line}: amount must be a finite number, got ${amount[line]}`);
    days[line] = Math.floor(time[line] / DAY_MS);
    latest = Math.max(latest, days[line]);
  }
  if (options.snapshotDate && !Number.isFinite(options.snapshotDate.getTime())) throw new RangeError("snapshotDate is not a valid date");
  if (!options.snapshotDate && latest === -Infinity) throw new RangeError("no orders to summarise and no snapshotDate");
  const snapshot = options.snapshotDate ? Math.floor(options.snapshotDate.getTime() / DAY_MS) : latest;
  // Customers in order of first appearance up to the snapshot; each line's customer row, −1 when left out or after it.
  const rowOfCustomer = new Int32Array(customerIds.length).fill(-1);
  const rowIds: string[] = [];
  const lineRow = new Int32Array(lines).fill(-1);
  let ordersAfterSnapshot = 0;
  for (let line = 0; line < lines; line++) {
    if (Number.isNaN(days[line])) continue;
    if (days[line] > snapshot) {
      ordersAfterSnapshot++;
      continue;
    }
    const c = customer[line];
    if (rowOfCustomer[c] < 0) {
      rowOfCustomer[c] = rowIds.length;
      rowIds.push(customerIds[c]);
    }
    lineRow[line] = rowOfCustomer[c];
  }
  const n = rowIds.length;
  const { first, last, purchaseDays } = purchaseDaysByCustomer(days, lineRow, n);
  // Spend on repeat purchase days: every line not on the customer's first day.
  const repeatSpend = new Float64Array(n);
  for (let line = 0; line < lines; line++) {
    const row = lineRow[line];
    if (row >= 0 && days[line] !== first[row]) repeatSpend[row] += amount[line];
  }
  const summary: OrdersSummary = { ...emptyColumns(n), snapshotDate: new Date(snapshot * DAY_MS), ordersAfterSnapshot };
  for (let i = 0; i < n; i++) {
    const x = purchaseDays[i] - 1;
    summary.customerIds[i] = rowIds[i];
    summary.frequency[i] = x;
    summary.recency[i] = last[i] - first[i];
    summary.T[i] = snapshot - first[i];
    summary.monetary[i] = x > 0 ? repeatSpend[i] / x : 0;
  }
  return summary;
}

/** Per customer row: first and last purchase day and the number of distinct days, from the lines' days grouped by row (a counting sort). */
function purchaseDaysByCustomer(days: Float64Array, lineRow: Int32Array, n: number) {
  const start = new Int32Array(n + 1);
  for (const row of lineRow) if (row >= 0) start[row + 1]++;
  for (let row = 0; row < n; row++) start[row + 1] += start[row];
  const grouped = new Float64Array(start[n]);
  const filled = start.slice(0, n);
  for (let index = 0; index < lineRow.length; index++) if (lineRow[index] >= 0) grouped[filled[lineRow[index]]++] = days[index];
  const first = new Float64Array(n);
  const last = new Float64Array(n);
  const purchaseDays = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const own = grouped.subarray(start[row], start[row + 1]).sort();
    first[row] = own[0];
    last[row] = own[own.length - 1];
    let distinct = 1;
    for (let k = 1; k < own.length; k++) if (own[k] !== own[k - 1]) distinct++;
    purchaseDays[row] = distinct;
  }
  return { first, last, purchaseDays };
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
