/**
 * `npm run bench:export [-- --customers 100000] [--rounds 5]` — rows per second of the customer
 * export's own work, without a server: reading the scored customers page by page
 * (lib/db/scores/export.ts) and writing their CSV lines from the column table
 * (lib/export/customerCsv.ts). Seeds a fresh SQLite file with one active run of made-up scores
 * (tests/support/seedScoredRun.ts). bench:web measures the whole route behind HTTP.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@/tests/integration/support/databases";
import { loadAverage } from "@/tests/support/nextServer";

const { values } = parseArgs({ options: { customers: { type: "string", default: "100000" }, rounds: { type: "string", default: "5" } } });
const CUSTOMERS = Number(values.customers);
const ROUNDS = Number(values.rounds);

const database = await createTestDatabase("sqlite");
process.env.DATABASE_URL = database.url;
console.log(`${os.cpus().length} cores; load average ${loadAverage()}; ${CUSTOMERS.toLocaleString("en-US")} customers in ${database.url}`);

const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
const { scoredCustomerPages } = await import("@/lib/db/scores/export");
const { customerCsvWriter } = await import("@/lib/export/customerCsv");
const { disconnectDatabase } = await import("@/lib/db/connection");
const { closeRawReader } = await import("@/lib/db/internal/rawReader");

const { runId } = await seedScoredRun({ customers: CUSTOMERS });
const names = new Map(Array.from({ length: 5 }, (_, key) => [key, `Segment ${key}`]));
const rates: number[] = [];
const writeRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const write = customerCsvWriter(names);
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  let writing = 0;
  for await (const page of scoredCustomerPages({ filter: { runId } })) {
    rows += page.length;
    const at = performance.now();
    bytes += write(page).length;
    writing += performance.now() - at;
  }
  const seconds = (performance.now() - started) / 1000;
  rates.push(rows / seconds);
  writeRates.push(rows / (writing / 1000));
  console.log(
    `round ${round + 1}: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s; writing the lines alone ${Math.round(rows / (writing / 1000)).toLocaleString("en-US")} rows/s`,
  );
}
const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]).toLocaleString("en-US");
console.log(`median ${median(rates)} rows/s (writing the lines alone ${median(writeRates)} rows/s); load average at the end: ${loadAverage()}`);
await closeRawReader();
await disconnectDatabase();
await database.drop();
