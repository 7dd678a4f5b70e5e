/**
 * Order lines for synthetic (or real) customers, as a shop system would export them.
 *
 * Timing follows the BG/NBD story: the first purchase is on the enrolment day, then each
 * customer buys at a Poisson rate and, after every repeat purchase, drops out for good with a
 * probability drawn per customer from Beta(1, b); the history ends at the reference date.
 * The rate is set so a customer who stays buys as often as the profile's purchase counts say
 * (web + catalogue + store over the last two years, or over the tenure if shorter).
 *
 * Consistency with the profile: an order's expected value is the profile's spend per
 * purchase, with Gamma-Gamma-like noise; lines split it over categories in proportion to the
 * profile's Mnt* amounts, and orders use channels in proportion to its purchase counts. A
 * customer who stays therefore matches the profile's totals in expectation; one who drops out
 * spends less (about a fifth less on average with the default dropout). The last order date
 * is the process's own, not the profile's Recency.
 */
import { createRng, type Rng } from "@/lib/ml/random";
import { SPEND_FIELDS, type CustomerRecord, type OrderRecord } from "./customer";
import { pick } from "./synthetic";

/** The day the synthetic histories end: ~100 days after the last enrolment, as Recency implies. */
export const REFERENCE_DATE = new Date(Date.UTC(2014, 9, 4));

export const ORDER_CATEGORIES = ["Wines", "Fruits", "Meat", "Fish", "Sweets", "Gold"] as const;
export const ORDER_CHANNELS = ["web", "catalog", "store"] as const;

/** Typical unit prices, to turn a line amount into a plausible quantity. */
const UNIT_PRICE = [18, 4, 12, 10, 5, 40];
const DAY_MS = 86_400_000;
const PROFILE_DAYS = 730;

export interface OrderOptions {
  seed: number;
  /** End of the order history; REFERENCE_DATE by default. */
  endDate?: Date;
  /** Mean dropout chance after each repeat purchase (the mean of Beta(1, b)); 0.04 by default. */
  meanDropout?: number;
  /** Log-scale spread of order values around the customer's mean; 0.5 by default. */
  valueSpread?: number;
  /** Multiplies every customer's purchase rate, for longer or shorter histories at scale; 1 by default. */
  rateScale?: number;
}

export function generateOrders(customers: readonly CustomerRecord[], options: OrderOptions): OrderRecord[] {
  const { seed, endDate = REFERENCE_DATE, meanDropout = 0.04, valueSpread = 0.5, rateScale = 1 } = options;
  if (!(meanDropout > 0 && meanDropout < 1)) throw new RangeError(`meanDropout must be in (0, 1) (got ${meanDropout})`);
  if (!(valueSpread >= 0)) throw new RangeError(`valueSpread must be ≥ 0 (got ${valueSpread})`);
  if (!(rateScale > 0)) throw new RangeError(`rateScale must be above 0 (got ${rateScale})`);
  const end = endDate.getTime();
  const dropoutB = 1 / meanDropout - 1;
  const orders: OrderRecord[] = [];
  for (const customer of customers) {
    const rng = createRng(customerSeed(seed, customer.externalId));
    appendCustomerOrders(orders, customer, rng, end, dropoutB, valueSpread, rateScale);
  }
  return orders;
}

function appendCustomerOrders(
  orders: OrderRecord[],
  customer: CustomerRecord,
  rng: Rng,
  end: number,
  dropoutB: number,
  valueSpread: number,
  rateScale: number,
): void {
  const channels = [customer.numWebPurchases ?? 0, customer.numCatalogPurchases ?? 0, customer.numStorePurchases ?? 0];
  const purchases = Math.max(1, channels[0] + channels[1] + channels[2]);
  const categories = SPEND_FIELDS.map((field) => customer[field] ?? 0);
  const spend = categories.reduce((a, b) => a + b, 0);
  const meanValue = Math.max(1, spend / purchases);
  let time = customer.dtCustomer?.getTime() ?? end - PROFILE_DAYS * DAY_MS;
  // The profile counts purchases over the last two years, or over the tenure if shorter.
  const ratePerDay = (rateScale * purchases) / Math.max(1, Math.min(PROFILE_DAYS, (end - time) / DAY_MS));
  // Beta(1, b) by inversion: 1 - U^(1/b).
  const dropout = 1 - Math.pow(rng.next(), 1 / dropoutB);

  for (let k = 1; time <= end; k++) {
    const orderDate = new Date(Math.floor(time / DAY_MS) * DAY_MS);
    const orderId = `${customer.externalId}-${k}`;
    const channel = ORDER_CHANNELS[pick(rng, channels.some((c) => c > 0) ? channels : [1, 1, 1])];
    const value = meanValue * Math.exp(valueSpread * rng.normal() - (valueSpread * valueSpread) / 2);
    appendLines(orders, rng, { customerId: customer.externalId, orderDate, orderId, channel }, value, categories, spend);
    // As in BG/NBD, a customer may drop out after a repeat purchase, not after the first.
    if (k > 1 && rng.next() < dropout) return;
    time += (-Math.log(1 - rng.next()) / ratePerDay) * DAY_MS;
  }
}

/** One to three lines per order, in distinct categories drawn in proportion to the customer's spend on them. */
function appendLines(
  orders: OrderRecord[],
  rng: Rng,
  order: Pick<OrderRecord, "customerId" | "orderDate" | "orderId" | "channel">,
  value: number,
  categories: number[],
  spend: number,
): void {
  const available = spend > 0 ? [...categories] : UNIT_PRICE.map(() => 1);
  let nonZero = 0;
  for (const weight of available) if (weight > 0) nonZero++;
  const lineCount = Math.min(1 + Math.min(2, Math.floor(-Math.log(1 - rng.next()))), nonZero);
  const weights = Array.from({ length: lineCount }, () => 0.5 + rng.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (const weight of weights) {
    const category = pick(rng, available);
    available[category] = 0;
    const amount = Math.max(0.01, Math.round((value * weight * 100) / weightSum) / 100);
    // Written out in OrderRecord's key order: one object shape for every line.
    orders.push({
      customerId: order.customerId,
      orderDate: order.orderDate,
      amount,
      orderId: order.orderId,
      quantity: Math.max(1, Math.round(amount / UNIT_PRICE[category])),
      category: ORDER_CATEGORIES[category],
      channel: order.channel,
    });
  }
}

function customerSeed(seed: number, externalId: string): number {
  let hash = seed ^ 0x811c9dc5;
  for (let i = 0; i < externalId.length; i++) hash = Math.imul(hash ^ externalId.charCodeAt(i), 0x01000193);
  // FNV-1a spreads the last characters poorly; a murmur finaliser mixes them in.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return (hash ^ (hash >>> 13)) >>> 0;
}
