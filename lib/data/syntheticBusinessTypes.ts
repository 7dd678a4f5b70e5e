/**
 * A second synthetic business, known only from its order lines: a B2B seller of scale
 * vehicle models to shops. Its categories and channels are its own (nothing of the
 * marketing-campaign file's wines, meat or gold), and its customers fall into a few latent
 * types that differ at once in category mix, channel mix, order frequency, order size, price
 * and churn, so a segmentation of the order history has real structure to find.
 */
export const BUSINESS_CATEGORIES = ["Classic Cars", "Vintage Cars", "Motorcycles", "Trucks and Buses", "Planes", "Ships", "Trains"] as const;

export const BUSINESS_CHANNELS = ["Online", "Phone", "Trade show", "Sales rep"] as const;

/** Typical list price per category (the catalogue's products sit around it). */
export const CATEGORY_PRICE = [120, 95, 70, 80, 75, 65, 55] as const;
/** Products per category; a line names one by its unit price, a return points back to it. */
export const PRODUCTS_PER_CATEGORY = 12;

export interface BusinessCustomerType {
  name: string;
  /** Share of customers of this type. */
  weight: number;
  /** Share of lines per category, in BUSINESS_CATEGORIES order. */
  categoryShares: readonly number[];
  /** Share of orders per channel, in BUSINESS_CHANNELS order. */
  channelShares: readonly number[];
  /** Orders a year while the customer stays. */
  ordersPerYear: number;
  /** Mean lines per order and mean quantity per line. */
  linesPerOrder: number;
  quantity: number;
  /** Price paid against the list price (volume discounts). */
  priceFactor: number;
  /** Chance the customer buys once and never again. */
  oneTimeChance: number;
  /** Chance the customer stops buying for good at some point of the span. */
  churnChance: number;
}

export const BUSINESS_CUSTOMER_TYPES: readonly BusinessCustomerType[] = [
  {
    name: "Collector boutiques",
    weight: 0.3,
    categoryShares: [0.5, 0.35, 0.05, 0.02, 0.03, 0.03, 0.02],
    channelShares: [0.75, 0.2, 0.03, 0.02],
    ordersPerYear: 7,
    linesPerOrder: 2.2,
    quantity: 3,
    priceFactor: 1.05,
    oneTimeChance: 0.08,
    churnChance: 0.2,
  },
  {
    name: "Toy wholesalers",
    weight: 0.2,
    categoryShares: [0.12, 0.03, 0.3, 0.4, 0.05, 0.05, 0.05],
    channelShares: [0.05, 0.1, 0.05, 0.8],
    ordersPerYear: 1.6,
    linesPerOrder: 8,
    quantity: 35,
    priceFactor: 0.82,
    oneTimeChance: 0.05,
    churnChance: 0.15,
  },
  {
    name: "Transport museum shops",
    weight: 0.25,
    categoryShares: [0.03, 0.05, 0.02, 0.05, 0.2, 0.3, 0.35],
    channelShares: [0.15, 0.25, 0.55, 0.05],
    ordersPerYear: 3,
    linesPerOrder: 4,
    quantity: 10,
    priceFactor: 0.95,
    oneTimeChance: 0.1,
    churnChance: 0.25,
  },
  {
    name: "Occasional gift buyers",
    weight: 0.25,
    categoryShares: [0.15, 0.1, 0.2, 0.1, 0.25, 0.1, 0.1],
    channelShares: [0.35, 0.6, 0.03, 0.02],
    ordersPerYear: 1.2,
    linesPerOrder: 2,
    quantity: 5,
    priceFactor: 1,
    oneTimeChance: 0.45,
    churnChance: 0.6,
  },
];
