/**
 * Writes synthetic data as CSV: customers of the marketing-campaign layout (optionally with
 * their order lines), a business known only from its order lines, or order lines for a share
 * of the customers of an existing profile file (to try mixed sources on real profiles).
 * Usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]
 *        npm run generate -- --business orders --customers N --out FILE [--seed S]
 *        npm run generate -- --orders-for PROFILES --out FILE [--share 0.5] [--seed S]
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ORDER_CSV_HEADER, formatOrderLines } from "@/lib/data/importableCsv";
import { writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { readCustomersFile } from "@/lib/import";
import { createRng } from "@/lib/ml/random";
import { inferSnapshotDate } from "@/lib/ml/train/snapshot";
import { writeSyntheticCsv } from "@/lib/data/syntheticCsv";

const USAGE = [
  "usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]",
  "       npm run generate -- --business orders --customers N --out FILE [--seed S]",
  "       npm run generate -- --orders-for PROFILES --out FILE [--share 0.5] [--seed S]",
].join("\n");

const wholeNumber = (flag: string, min: number, max: number) =>
  z.coerce
    .number<string>({ error: `${flag} must be a number` })
    .int(`${flag} must be a whole number`)
    .min(min, `${flag} must be at least ${min}`)
    .max(max, `${flag} must be at most ${max}`);

/** The first unknown flag of an unrecognized-keys issue. */
const firstKey = (issue: object) => ("keys" in issue && Array.isArray(issue.keys) ? String(issue.keys[0]) : "flag");

const out = z.string({ error: "--out FILE is required" }).min(1, "--out FILE is required");
const seed = z
  .string()
  .default("42")
  .pipe(wholeNumber("--seed", 0, 2 ** 32 - 1));

const marketingFlags = z.strictObject(
  {
    rows: z.string({ error: "--rows N is required" }).pipe(wholeNumber("--rows", 1, 100_000_000)),
    out,
    seed,
    orders: z.string().min(1, "--orders needs a file name").optional(),
  },
  { error: (issue) => `--${firstKey(issue)} is only for --business orders` },
);

const businessFlags = z.strictObject(
  {
    business: z.literal("orders", { error: '--business must be "orders"' }),
    customers: z.string({ error: "--customers N is required with --business orders" }).pipe(wholeNumber("--customers", 1, 10_000_000)),
    out,
    seed,
  },
  { error: (issue) => `--${firstKey(issue)} does not go with --business orders` },
);

const ordersForFlags = z.strictObject(
  {
    ordersFor: z.string().min(1, "--orders-for needs a profile file"),
    out,
    seed,
    share: z
      .string()
      .default("0.5")
      .pipe(z.coerce.number<string>({ error: "--share must be a number" }).gt(0, "--share must be above 0").max(1, "--share must be at most 1")),
  },
  { error: (issue) => `--${firstKey(issue)} does not go with --orders-for` },
);

type Flags =
  | { mode: "marketing"; flags: z.output<typeof marketingFlags> }
  | { mode: "business"; flags: z.output<typeof businessFlags> }
  | { mode: "ordersFor"; flags: z.output<typeof ordersForFlags> };

export function parseGenerateFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      orders: { type: "string" },
      business: { type: "string" },
      customers: { type: "string" },
      "orders-for": { type: "string" },
      share: { type: "string" },
    },
    strict: true,
  });
  if (values["orders-for"] !== undefined) {
    const { "orders-for": ordersFor, ...rest } = values;
    const parsed = ordersForFlags.safeParse({ ...rest, ordersFor });
    if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return { mode: "ordersFor", flags: parsed.data };
  }
  const isBusiness = values.business !== undefined;
  const parsed = isBusiness ? businessFlags.safeParse(values) : marketingFlags.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return isBusiness
    ? { mode: "business", flags: parsed.data as z.output<typeof businessFlags> }
    : { mode: "marketing", flags: parsed.data as z.output<typeof marketingFlags> };
}

/** Opens the file before any work, so a bad path fails at once with the system's message. */
async function openFile(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await once(stream, "open");
  return stream;
}

const n = (value: number) => value.toLocaleString("en-US");

async function generateMarketing(flags: z.output<typeof marketingFlags>): Promise<string> {
  const customers = await openFile(flags.out);
  const orders = flags.orders ? await openFile(flags.orders) : undefined;
  const { orderLines } = await writeSyntheticCsv({ rows: flags.rows, seed: flags.seed, customers, orders });
  const ordersNote = flags.orders ? ` and ${n(orderLines)} order lines to ${flags.orders}` : "";
  return `Wrote ${n(flags.rows)} customers to ${flags.out}${ordersNote}`;
}

async function generateBusiness(flags: z.output<typeof businessFlags>): Promise<string> {
  const file = await openFile(flags.out);
  const s = await writeOrderBusinessCsv({ customers: flags.customers, seed: flags.seed, out: file });
  return (
    `Wrote ${n(s.lines)} order lines of ${n(s.customers)} customers to ${flags.out}: ${n(s.orders)} orders, ` +
    `${n(s.returnLines)} returned lines on ${n(s.creditNotes)} credit notes, ` +
    `${n(s.cancelledLines)} lines of ${n(s.cancelledOrders)} cancelled orders`
  );
}

/** Order lines for a seeded share of a profile file's customers, drawn from each one's own spend, purchase counts and dates. */
async function generateOrdersFor(flags: z.output<typeof ordersForFlags>): Promise<string> {
  const { records, errorCount } = await readCustomersFile(flags.ordersFor);
  if (records.length === 0) throw new Error(`${flags.ordersFor}: no valid customer rows (${n(errorCount)} with errors)`);
  const picked = createRng(flags.seed)
    .sample(records.length, Math.round(records.length * flags.share))
    .sort((a, b) => a - b)
    .map((row) => records[row]);
  // The history ends at the profiles' own extract date, as training infers it.
  const orders = generateOrders(picked, { seed: flags.seed, endDate: inferSnapshotDate(picked) });
  const file = await openFile(flags.out);
  file.end(`${ORDER_CSV_HEADER}\n${formatOrderLines(orders)}`);
  await once(file, "finish");
  return `Wrote ${n(orders.length)} order lines of ${n(picked.length)} of the ${n(records.length)} customers in ${flags.ordersFor} to ${flags.out}`;
}

async function main(): Promise<void> {
  const parsed = parseGenerateFlags(process.argv.slice(2));
  const started = performance.now();
  const written =
    parsed.mode === "business"
      ? await generateBusiness(parsed.flags)
      : parsed.mode === "ordersFor"
        ? await generateOrdersFor(parsed.flags)
        : await generateMarketing(parsed.flags);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${written} in ${seconds} s (seed ${parsed.flags.seed}).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exit(1);
  });
}
