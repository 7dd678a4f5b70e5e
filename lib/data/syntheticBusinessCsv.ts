/**
 * The order-lines-only business as a shop system exports it: one CSV line per order line,
 * dates as M/D/YYYY H:MM, no amount column (amount = quantity × unit_price). Streamed a few
 * thousand customers at a time, so a million customers write in flat memory.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { businessCustomers, type BusinessLine, type OrderBusinessOptions } from "./syntheticBusiness";
import { BUSINESS_CATEGORIES, BUSINESS_CHANNELS } from "./syntheticBusinessTypes";

export const BUSINESS_CSV_HEADER = "order_id,line,customer_id,order_date,quantity,unit_price,category,channel,status";

const DAY_MS = 86_400_000;

export interface BusinessCsvSummary {
  customers: number;
  lines: number;
  /** Sale orders, cancelled ones included (credit notes apart). */
  orders: number;
  /** Credit-note lines and the credit notes they sit on. */
  returnLines: number;
  creditNotes: number;
  /** Lines of cancelled orders and those orders. */
  cancelledLines: number;
  cancelledOrders: number;
}

/** Writes the file and ends the stream. */
export async function writeOrderBusinessCsv(options: OrderBusinessOptions & { out: Writable; chunkCustomers?: number }): Promise<BusinessCsvSummary> {
  const { out, chunkCustomers = 2_000 } = options;
  const summary: BusinessCsvSummary = { customers: 0, lines: 0, orders: 0, returnLines: 0, creditNotes: 0, cancelledLines: 0, cancelledOrders: 0 };
  const formatter = createLineFormatter();
  await write(out, BUSINESS_CSV_HEADER + "\n");
  let text = "";
  for (const customer of businessCustomers(options)) {
    summary.customers++;
    for (const line of customer.lines) {
      text += formatter(line);
      count(summary, line);
    }
    if (summary.customers % chunkCustomers === 0) {
      await write(out, text);
      text = "";
    }
  }
  if (text) await write(out, text);
  out.end();
  await once(out, "finish");
  return summary;
}

/** One CSV line (ending in a newline); day texts are kept, there are only a few hundred. */
export function createLineFormatter(): (line: BusinessLine) => string {
  const dayTexts = new Map<number, string>();
  return (line) => {
    let date = dayTexts.get(line.day);
    if (date === undefined) {
      const d = new Date(line.day * DAY_MS);
      date = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} 0:00`;
      dayTexts.set(line.day, date);
    }
    const price = (line.unitPriceCents / 100).toFixed(2);
    const category = BUSINESS_CATEGORIES[line.category];
    const channel = BUSINESS_CHANNELS[line.channel];
    return `${line.orderId},${line.line},${line.customerId},${date},${line.quantity},${price},${category},${channel},${line.status}\n`;
  };
}

function count(summary: BusinessCsvSummary, line: BusinessLine): void {
  summary.lines++;
  const first = line.line === 1;
  if (line.quantity < 0) {
    summary.returnLines++;
    if (first) summary.creditNotes++;
  } else {
    if (first) summary.orders++;
    if (line.status === "Cancelled") {
      summary.cancelledLines++;
      if (first) summary.cancelledOrders++;
    }
  }
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}
