/**
 * `npm run bench:export [-- --customers 100000] [--rounds 5] [--db sqlite|postgresql]` — rows per second of the customer
 * export's own work, without a server, both ways the export does it: on this thread, reading the
 * scored customers page by page (lib/db/scores/export.ts) and writing their CSV lines from the
 * column table (lib/export/customerCsv.ts); and in two worker threads, each reading and writing
 * every other range of customer ids on a connection of its own (lib/export/csvPages.ts), as
 * exports of 200,000 rows or more are. Seeds a fresh database (a SQLite file by default) with one
 * active run of made-up scores (tests/support/seedScoredRun.ts). bench:web measures the whole
 * route behind HTTP.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@/tests/integration/support/databases";
import { loadAverage } from "@/tests/support/nextServer";

const { values } = parseArgs({
  options: { customers: { type: "string", default: "100000" }, rounds: { type: "string", default: "5" }, db: { type: "string", default: "sqlite" } },
});
if (values.db !== "sqlite" && values.db !== "postgresql") throw new Error(`--db must be sqlite or postgresql, not ${values.db}`);
const CUSTOMERS = Number(values.customers);
const ROUNDS = Number(values.rounds);

const database = await createTestDatabase(values.db);
process.env.DATABASE_URL = database.url;
console.log(`${os.cpus().length} cores; load average ${loadAverage()}; ${CUSTOMERS.toLocaleString("en-US")} customers in ${database.url}`);

const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
const { scoredCustomerPages } = await import("@/lib/db/scores/export");
const { customerCsvWriter } = await import("@/lib/export/customerCsv");
const { customerCsvPages } = await import("@/lib/export/csvPages");
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
const workerRates: number[] = [];
const format = { names: [...names], control: null };
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  let bytes = 0;
  for await (const page of customerCsvPages({ filter: { runId } }, format, 0)) {
    if (typeof page === "string") throw new Error("the export's worker threads did not start");
    bytes += page.length;
  }
  const seconds = (performance.now() - started) / 1000;
  workerRates.push(CUSTOMERS / seconds);
  console.log(
    `two threads, round ${round + 1}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (threads started included) = ${Math.round(CUSTOMERS / seconds).toLocaleString("en-US")} rows/s`,
  );
}
const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]).toLocaleString("en-US");
console.log(
  `median: one thread ${median(rates)} rows/s (writing the lines alone ${median(writeRates)} rows/s); two threads ${median(workerRates)} rows/s; load average at the end: ${loadAverage()}`,
);
await closeRawReader();
await disconnectDatabase();
await database.drop();
