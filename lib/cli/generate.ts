/**
 * Writes synthetic customers (and optionally their order lines) as CSV.
 * Usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { writeSyntheticCsv } from "@/lib/data/syntheticCsv";

const USAGE = "usage: npm run generate -- --rows N --out FILE [--seed S] [--orders FILE]";

const wholeNumber = (flag: string, min: number, max: number) =>
  z.coerce
    .number<string>({ error: `${flag} must be a number` })
    .int(`${flag} must be a whole number`)
    .min(min, `${flag} must be at least ${min}`)
    .max(max, `${flag} must be at most ${max}`);

const flagsSchema = z.object({
  rows: z.string({ error: "--rows N is required" }).pipe(wholeNumber("--rows", 1, 100_000_000)),
  out: z.string({ error: "--out FILE is required" }).min(1, "--out FILE is required"),
  seed: z.string().default("42").pipe(wholeNumber("--seed", 0, 2 ** 32 - 1)),
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

/** Opens the file before any work, so a bad path fails at once with the system's message. */
async function openFile(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await once(stream, "open");
  return stream;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const started = performance.now();
  const customers = await openFile(flags.out);
  const orders = flags.orders ? await openFile(flags.orders) : undefined;
  const { orderLines } = await writeSyntheticCsv({ rows: flags.rows, seed: flags.seed, customers, orders });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ordersNote = flags.orders ? ` and ${orderLines.toLocaleString("en-US")} order lines to ${flags.orders}` : "";
  const customersNote = `${flags.rows.toLocaleString("en-US")} customers to ${flags.out}`;
  console.log(`Wrote ${customersNote}${ordersNote} in ${seconds} s (seed ${flags.seed}).`);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
