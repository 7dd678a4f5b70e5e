/**
 * Seeded order lines of a business known only from its orders (syntheticBusinessTypes.ts).
 *
 * Each customer draws from a random stream of its own (seed, index): a latent type, then its
 * own category and channel mix around the type's, an order rate, a first order somewhere in
 * the first three quarters of the span, and a last possible day (one-time buyers stop after
 * the first order, churned customers at a random day). Orders come at that rate; each has
 * lines in distinct products, a quantity and a unit price. A few orders are cancelled (status
 * "Cancelled"); a few lines of shipped orders come back on credit notes ("C…", negative
 * quantity, the product's category and unit price) some days later. Order and credit-note
 * numbers are counted across the whole file, so customers are generated in order.
 */
import { createRng, mix32, type Rng } from "@/lib/ml/random";
import type { OrderRecord } from "./customer";
import { pick } from "./synthetic";
import {
  BUSINESS_CATEGORIES,
  BUSINESS_CHANNELS,
  BUSINESS_CUSTOMER_TYPES,
  CATEGORY_PRICE,
  PRODUCTS_PER_CATEGORY,
  type BusinessCustomerType,
} from "./syntheticBusinessTypes";

export const BUSINESS_SNAPSHOT_DATE = new Date(Date.UTC(2025, 5, 30));
const DAY_MS = 86_400_000;
const FIRST_ORDER_NUMBER = 10_100;
const MAX_LINES_PER_ORDER = 20;
const TYPE_WEIGHTS = BUSINESS_CUSTOMER_TYPES.map((type) => type.weight);

export interface OrderBusinessOptions {
  /** How many customers; every one has at least one order. */
  customers: number;
  seed: number;
  /** The day the history ends (no order after it); 2025-06-30 by default. */
  snapshotDate?: Date;
  /** Days of history before the snapshot; 900 (about 2½ years) by default. */
  spanDays?: number;
  /** Share of shipped lines returned on a credit note; 0.025 by default. */
  returnRate?: number;
  /** Share of orders cancelled; 0.03 by default. */
  cancelRate?: number;
}

export type OrderStatus = "Shipped" | "Cancelled";

/** One line as the shop exports it: amount = quantity × unit price, negative on credit notes. */
export interface BusinessLine {
  orderId: string;
  line: number;
  customerId: string;
  /** Days since the epoch (UTC midnight). */
  day: number;
  quantity: number;
  /** In cents, so quantity × unit price is exact. */
  unitPriceCents: number;
  category: number;
  channel: number;
  status: OrderStatus;
}

export interface OrderBusiness {
  orders: OrderRecord[];
  categories: string[];
  channels: string[];
  /** Each customer's latent type (index into BUSINESS_CUSTOMER_TYPES), in customer order: the ground truth. */
  types: Uint8Array;
}

export function generateOrderBusiness(options: OrderBusinessOptions): OrderBusiness {
  checkOptions(options);
  const orders: OrderRecord[] = [];
  const types = new Uint8Array(options.customers);
  let index = 0;
  for (const customer of businessCustomers(options)) {
    types[index++] = customer.type;
    for (const line of customer.lines) orders.push(toOrderRecord(line));
  }
  return { orders, categories: [...BUSINESS_CATEGORIES], channels: [...BUSINESS_CHANNELS], types };
}

export function formatBusinessCustomerId(index: number): string {
  return `B${String(index + 1).padStart(5, "0")}`;
}

export function toOrderRecord(line: BusinessLine): OrderRecord {
  const kind = line.status === "Cancelled" ? "cancelled" : line.quantity < 0 ? "return" : "sale";
  return {
    customerId: line.customerId,
    orderDate: new Date(line.day * DAY_MS),
    amount: (line.quantity * line.unitPriceCents) / 100,
    orderId: line.orderId,
    quantity: line.quantity,
    category: BUSINESS_CATEGORIES[line.category],
    channel: BUSINESS_CHANNELS[line.channel],
    kind,
  };
}

/** Customers one at a time, in index order, each with its lines in date order. */
export function* businessCustomers(options: OrderBusinessOptions): Generator<{ type: number; lines: BusinessLine[] }> {
  const settings = checkOptions(options);
  const counters = { order: FIRST_ORDER_NUMBER, credit: 1 };
  for (let index = 0; index < options.customers; index++) {
    const rng = createRng(mix32(mix32(options.seed ^ 0x3c6ef372) ^ mix32(index + 0x9e3779b9)));
    const type = pick(rng, TYPE_WEIGHTS);
    const lines = customerLines(rng, BUSINESS_CUSTOMER_TYPES[type], formatBusinessCustomerId(index), index, settings, counters);
    yield { type, lines };
  }
}

interface Settings {
  lastDay: number;
  spanDays: number;
  returnRate: number;
  cancelRate: number;
}

function checkOptions(options: OrderBusinessOptions): Settings {
  const { customers, seed, snapshotDate = BUSINESS_SNAPSHOT_DATE, spanDays = 900, returnRate = 0.025, cancelRate = 0.03 } = options;
  if (!Number.isSafeInteger(customers) || customers < 0) throw new RangeError(`customers must be a whole number ≥ 0 (got ${customers})`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number (got ${seed})`);
  if (!(snapshotDate instanceof Date) || Number.isNaN(snapshotDate.getTime())) throw new RangeError("snapshotDate must be a valid date");
  if (!Number.isSafeInteger(spanDays) || spanDays < 60) throw new RangeError(`spanDays must be a whole number ≥ 60 (got ${spanDays})`);
  if (!(returnRate >= 0 && returnRate < 1)) throw new RangeError(`returnRate must be in [0, 1) (got ${returnRate})`);
  if (!(cancelRate >= 0 && cancelRate < 1)) throw new RangeError(`cancelRate must be in [0, 1) (got ${cancelRate})`);
  return { lastDay: Math.floor(snapshotDate.getTime() / DAY_MS), spanDays, returnRate, cancelRate };
}

interface Order {
  day: number;
  credit: boolean;
  channel: number;
  status: OrderStatus;
  lines: { quantity: number; unitPriceCents: number; category: number }[];
}

function customerLines(
  rng: Rng,
  type: BusinessCustomerType,
  customerId: string,
  index: number,
  settings: Settings,
  counters: { order: number; credit: number },
): BusinessLine[] {
  const { lastDay, spanDays } = settings;
  const categoryShares = type.categoryShares.map((share) => share * Math.exp(0.3 * rng.normal()));
  const channelShares = type.channelShares.map((share) => share * Math.exp(0.3 * rng.normal()));
  const ratePerDay = (type.ordersPerYear * Math.exp(0.3 * rng.normal())) / 365;
  const priceFactor = type.priceFactor * Math.exp(0.03 * rng.normal());
  let day = lastDay - spanDays + rng.int(Math.floor(spanDays * 0.75));
  // The importer tells M/D from D/M by a day above 12: make sure the file has one.
  if (index === 0 && new Date(day * DAY_MS).getUTCDate() <= 12) day += 13 - new Date(day * DAY_MS).getUTCDate();
  const oneTime = rng.next() < type.oneTimeChance;
  const churned = rng.next() < type.churnChance;
  const stopDay = oneTime ? day : churned ? day + Math.floor(-Math.log(1 - rng.next()) * (spanDays / 3)) : lastDay;

  const orders: Order[] = [];
  while (day <= Math.min(stopDay, lastDay)) {
    const order = saleOrder(rng, type, day, categoryShares, channelShares, priceFactor, settings.cancelRate);
    orders.push(order);
    if (order.status === "Shipped") {
      const returned = order.lines.filter(() => rng.next() < settings.returnRate);
      const creditDay = day + 3 + rng.int(40);
      if (returned.length > 0 && creditDay <= lastDay) {
        const lines = returned.map((line) => ({ ...line, quantity: -Math.max(1, Math.round(line.quantity * (0.2 + 0.8 * rng.next()))) }));
        orders.push({ day: creditDay, credit: true, channel: order.channel, status: "Shipped", lines });
      }
    }
    day += Math.max(1, Math.round(-Math.log(1 - rng.next()) / ratePerDay));
  }
  orders.sort((a, b) => a.day - b.day);

  const lines: BusinessLine[] = [];
  for (const order of orders) {
    const orderId = order.credit ? `C${counters.credit++}` : String(counters.order++);
    order.lines.forEach((line, i) => {
      lines.push({ orderId, line: i + 1, customerId, day: order.day, ...line, channel: order.channel, status: order.status });
    });
  }
  return lines;
}

function saleOrder(
  rng: Rng,
  type: BusinessCustomerType,
  day: number,
  categoryShares: readonly number[],
  channelShares: readonly number[],
  priceFactor: number,
  cancelRate: number,
): Order {
  const lineCount = Math.min(MAX_LINES_PER_ORDER, Math.max(1, Math.round(type.linesPerOrder * Math.exp(0.4 * rng.normal() - 0.08))));
  const products = new Set<number>();
  const lines: Order["lines"] = [];
  for (let i = 0; i < lineCount; i++) {
    const category = pick(rng, categoryShares);
    let product = rng.int(PRODUCTS_PER_CATEGORY);
    for (let tries = 0; tries < PRODUCTS_PER_CATEGORY && products.has(category * PRODUCTS_PER_CATEGORY + product); tries++) {
      product = (product + 1) % PRODUCTS_PER_CATEGORY;
    }
    if (products.has(category * PRODUCTS_PER_CATEGORY + product)) continue;
    products.add(category * PRODUCTS_PER_CATEGORY + product);
    const quantity = Math.max(1, Math.round(type.quantity * Math.exp(0.5 * rng.normal() - 0.125)));
    lines.push({ quantity, unitPriceCents: unitPriceCents(category, product, priceFactor), category });
  }
  const status: OrderStatus = rng.next() < cancelRate ? "Cancelled" : "Shipped";
  return { day, credit: false, channel: pick(rng, channelShares), status, lines };
}

/** The catalogue's list price of a product (from half to one and a half times its category's), discounted. */
function unitPriceCents(category: number, product: number, priceFactor: number): number {
  const listPrice = CATEGORY_PRICE[category] * (0.5 + product / (PRODUCTS_PER_CATEGORY - 1));
  return Math.max(1, Math.round(listPrice * priceFactor * 100) - 1);
}
