/**
 * Writes synthetic customers (and optionally their order lines) as CSV.
 * Usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/csv";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";

const CHUNK_ROWS = 10_000;

const flagsSchema = z.object({
  rows: z.coerce.number({ error: "--rows must be a number" }).int("--rows must be a whole number").min(1, "--rows must be at least 1").max(100_000_000, "--rows must be at most 100,000,000"),
  out: z.string({ error: "--out FILE is required" }).min(1, "--out FILE is required"),
  seed: z.coerce.number({ error: "--seed must be a number" }).int("--seed must be a whole number").min(0).max(2 ** 32 - 1).default(42),
  orders: z.string().min(1, "--orders needs a file name").optional(),
});

function parseFlags(argv: string[]): z.output<typeof flagsSchema> {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, orders: { type: "string" } },
    strict: true,
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, "finish");
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const started = performance.now();
  const customersOut = createWriteStream(flags.out);
  const ordersOut = flags.orders ? createWriteStream(flags.orders) : null;
  await write(customersOut, CUSTOMER_CSV_HEADER + "\n");
  if (ordersOut) await write(ordersOut, ORDER_CSV_HEADER + "\n");
  let orderLines = 0;
  for (let start = 0; start < flags.rows; start += CHUNK_ROWS) {
    const customers = generateCustomers({ seed: flags.seed, start, count: Math.min(CHUNK_ROWS, flags.rows - start) });
    await write(customersOut, formatCustomerLines(customers));
    if (ordersOut) {
      const orders = generateOrders(customers, { seed: flags.seed });
      orderLines += orders.length;
      await write(ordersOut, formatOrderLines(orders));
    }
  }
  await close(customersOut);
  if (ordersOut) await close(ordersOut);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ordersNote = flags.orders ? ` and ${orderLines.toLocaleString("en-US")} order lines to ${flags.orders}` : "";
  console.log(`Wrote ${flags.rows.toLocaleString("en-US")} customers to ${flags.out}${ordersNote} in ${seconds} s (seed ${flags.seed}).`);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  console.error("usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]");
  process.exit(1);
});
