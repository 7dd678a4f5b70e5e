/**
 * Streams synthetic customers (and optionally their order lines) as CSV to writable streams,
 * chunk by chunk, so a million rows never sit in memory at once.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "./importableCsv";
import { generateCustomers } from "./synthetic";
import { generateOrders } from "./syntheticOrders";

export interface SyntheticCsvOptions {
  rows: number;
  seed: number;
  customers: Writable;
  orders?: Writable;
  /** Multiplies every customer's purchase rate (syntheticOrders.ts); 1 by default. */
  rateScale?: number;
  /** Rows generated and written at a time; 2,000 by default (small chunks die young in the GC). */
  chunkRows?: number;
}

/** Writes both files and ends the streams; returns how many order lines were written. */
export async function writeSyntheticCsv(options: SyntheticCsvOptions): Promise<{ orderLines: number }> {
  const { rows, seed, customers, orders, rateScale, chunkRows = 2_000 } = options;
  await write(customers, CUSTOMER_CSV_HEADER + "\n");
  if (orders) await write(orders, ORDER_CSV_HEADER + "\n");
  let orderLines = 0;
  for (let start = 0; start < rows; start += chunkRows) {
    const chunk = generateCustomers({ seed, start, count: Math.min(chunkRows, rows - start) });
    await write(customers, formatCustomerLines(chunk));
    if (orders) {
      const lines = generateOrders(chunk, { seed, rateScale });
      orderLines += lines.length;
      await write(orders, formatOrderLines(lines));
    }
  }
  await Promise.all([finish(customers), orders ? finish(orders) : null]);
  return { orderLines };
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function finish(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, "finish");
}
