/**
 * `npm run bench:web [-- --customers 1000000] [--requests 30] [--db sqlite|postgresql]` — server
 * response times of the dashboard pages and the export throughput at scale, against the
 * production build.
 *
 * Seeds a fresh database (a SQLite file by default) with N synthetic customers (default 1,000,000) and one active run
 * of made-up scores written straight through lib/db (tests/support/seedScoredRun.ts): training
 * a real model on a million customers takes far too long for a bench, and the pages only read
 * scores. Then `next build`, `next start` on a free loopback port with DATABASE_URL pointing at
 * that file, signs in as an administrator and measures p50/p95 of ~30 requests per page (the
 * time to the full response body), and the rows per second of GET /api/export/segments asked
 * for as Chromium asks (it accepts gzip, which exports decline: see lib/export/stream.ts).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@/tests/integration/support/databases";
import { loadAverage, signIn, startServer, timeRequests } from "@/tests/support/nextServer";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000000" },
    requests: { type: "string", default: "30" },
    "skip-build": { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
  },
});
if (values.db !== "sqlite" && values.db !== "postgresql") throw new Error(`--db must be sqlite or postgresql, not ${values.db}`);
const CUSTOMERS = Number(values.customers);
const REQUESTS = Number(values.requests);
const ADMIN = { email: "bench@example.com", password: "bench-password-123" };

const database = await createTestDatabase(values.db);
const databaseUrl = database.url;
process.env.DATABASE_URL = databaseUrl;
console.log(`${os.cpus().length} cores; load average ${loadAverage()}; ${CUSTOMERS.toLocaleString("en-US")} customers in ${databaseUrl}`);

const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/db/users");
const { db } = await import("@/lib/db/internal/client");
const started = performance.now();
const { runId } = await seedScoredRun({ customers: CUSTOMERS, onProgress: (message) => process.stdout.write(`\r  seeding: ${message}      `) });
console.log(`\nseeded run ${runId} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await createUser({ email: ADMIN.email, name: "Bench", role: "ADMIN", passwordHash: await hashPassword(ADMIN.password) });
// The seeded run scores every customer: the last one is in it.
const sample = await db.customer.findFirst({ orderBy: { id: "desc" }, select: { externalId: true } });
await db.$disconnect();

const server = await startServer({ databaseUrl, build: !values["skip-build"] });
try {
  const { cookie } = await signIn(server.base, ADMIN);
  const pages: [string, string][] = [
    ["/", "/"],
    ["/segments", "/segments"],
    ["/segments/[id]", "/segments/1"],
    ["/customers", "/customers"],
    ["/customers filtered", "/customers?segment=2&pMin=0.2&pMax=0.8&clvMin=500&aliveMin=0.3"],
    ["/customers sorted by CLV", "/customers?sort=clv&dir=desc"],
    ["/customers deep page (200)", "/customers?sort=response&dir=desc&page=200"],
    ["/customers/[id]", `/customers/${encodeURIComponent(sample?.externalId ?? "")}`],
    ["/campaigns", "/campaigns"],
  ];
  console.log(`\n${"page".padEnd(30)} ${"status".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  for (const [label, url] of pages) {
    const { status, p50, p95 } = await timeRequests(server.base + url, { headers: { cookie } }, REQUESTS);
    console.log(`${label.padEnd(30)} ${String(status).padStart(6)} ${p50.toFixed(0).padStart(8)} ${p95.toFixed(0).padStart(8)}`);
  }
  await measureExport(server.base, cookie);
  console.log(`\nload average at the end: ${loadAverage()}`);
} finally {
  server.stop();
  await database.drop();
}

/** Rows per second of the full export, counted from the line ends the client receives. */
async function measureExport(base: string, cookie: string): Promise<void> {
  const begun = performance.now();
  const response = await fetch(`${base}/api/export/segments`, { headers: { cookie, "accept-encoding": "gzip, deflate, br, zstd" } });
  let rows = -1;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) rows++;
  }
  const seconds = (performance.now() - begun) / 1000;
  const sent = response.headers.get("content-encoding") ?? "uncompressed";
  console.log(
    `\nGET /api/export/segments (${sent}): ${response.status}, ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`,
  );
}
