/**
 * `npm run bench:web [-- --customers 1000000] [--requests 30]` — server response times of the
 * dashboard pages and the export throughput at scale, against the production build.
 *
 * Seeds a fresh SQLite file with N synthetic customers (default 1,000,000) and one active run
 * of made-up scores written straight through lib/db (tests/support/seedScoredRun.ts): training
 * a real model on a million customers takes far too long for a bench, and the pages only read
 * scores. Then `next build`, `next start` on a free loopback port with DATABASE_URL pointing at
 * that file, signs in as an administrator and measures p50/p95 of ~30 requests per page (the
 * time to the full response body), and the rows per second of GET /api/export/segments.
 * /, /segments and /segments/[id] belong to the executive dashboards; a 404 is reported as such.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { customers: { type: "string", default: "1000000" }, requests: { type: "string", default: "30" }, "skip-build": { type: "boolean", default: false } } });
const CUSTOMERS = Number(values.customers);
const REQUESTS = Number(values.requests);
const ADMIN = { email: "bench@example.com", password: "bench-password-123" };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-web-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;
console.log(`${os.cpus().length} cores; load average ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")}; ${CUSTOMERS.toLocaleString("en-US")} customers in ${dir}`);

const { deployMigrations } = await import("@/lib/db/migrate");
const { databaseTarget } = await import("@/lib/db/provider");
await deployMigrations(databaseTarget(databaseUrl));
const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/db/users");
const { db } = await import("@/lib/db/client");
let started = performance.now();
const { runId } = await seedScoredRun({ customers: CUSTOMERS, onProgress: (message) => process.stdout.write(`\r  seeding: ${message}      `) });
console.log(`\nseeded run ${runId} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await createUser({ email: ADMIN.email, name: "Bench", role: "ADMIN", passwordHash: await hashPassword(ADMIN.password) });
const sample = await db.customerScore.findFirst({ where: { runId }, orderBy: { customerId: "desc" }, select: { customerId: true } });
await db.$disconnect();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl", RETRAIN_SCHEDULER: "off" };
if (!values["skip-build"]) execFileSync("npx", ["next", "build"], { stdio: "inherit", env });
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore", detached: true });
try {
  await waitFor(`${base}/signin`);
  const cookie = await signIn();
  const pages: [string, string][] = [
    ["/", "/"],
    ["/segments", "/segments"],
    ["/segments/[id]", "/segments/1"],
    ["/customers", "/customers"],
    ["/customers filtered", "/customers?segment=2&pMin=0.2&pMax=0.8&clvMin=500&aliveMin=0.3"],
    ["/customers sorted by CLV", "/customers?sort=clv&dir=desc"],
    ["/customers deep page (200)", "/customers?sort=response&dir=desc&page=200"],
    ["/customers/[id]", `/customers/${sample?.customerId}`],
    ["/campaigns", "/campaigns"],
  ];
  console.log(`\n${"page".padEnd(30)} ${"status".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  for (const [label, url] of pages) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < REQUESTS + 2; i++) {
      const t = performance.now();
      const response = await fetch(base + url, { headers: { cookie } });
      await response.arrayBuffer();
      status = response.status;
      // The first two warm up the route (compilation caches, prepared statements).
      if (i >= 2) times.push(performance.now() - t);
    }
    console.log(`${label.padEnd(30)} ${String(status).padStart(6)} ${quantile(times, 0.5).toFixed(0).padStart(8)} ${quantile(times, 0.95).toFixed(0).padStart(8)}`);
  }
  started = performance.now();
  const response = await fetch(`${base}/api/export/segments`, { headers: { cookie } });
  let rows = -1;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 10) rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nGET /api/export/segments: ${response.status}, ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`);
} finally {
  process.kill(-server.pid!, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

/** next-auth's credentials flow by hand: CSRF token and cookie, then the callback that sets the session cookie. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
  });
  const session = callback.headers.getSetCookie().map((value) => value.split(";")[0]).find((value) => value.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${callback.status})`);
  return session;
}
