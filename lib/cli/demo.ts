/**
 * `npm run demo` — everything a new user needs on one machine: `.env`, the SQLite
 * database, the first administrator, 5,000 synthetic customers with their order lines,
 * a first trained model, a production build, the retrain schedule, and the app at
 * http://localhost:3000.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { ensureEnvFile } from "@/lib/setup/envFile";

const SAMPLE_ROWS = 5_000;
const SAMPLE_SEED = 7;
const SAMPLE_CUSTOMERS = "data/sample-customers.csv";
const SAMPLE_ORDERS = "data/sample-orders.csv";

const added = ensureEnvFile();
if (added.length) console.log(`Wrote ${added.join(", ")} to .env.`);

const { databaseTarget } = await import("@/lib/db/provider");
const { deployMigrations } = await import("@/lib/db/migrate");
const target = databaseTarget();
const applied = await deployMigrations(target);
console.log(applied.length ? `Database migrated (${applied.join(", ")}).` : "Database is up to date.");

const { describeFirstAdmin, ensureFirstAdmin, DEFAULT_ADMIN_EMAIL } = await import("@/lib/setup/firstAdmin");
const admin = await ensureFirstAdmin();

const { countCustomers } = await import("@/lib/db/customers");
if ((await countCustomers()) === 0) await importSampleData();
const { getActiveRun } = await import("@/lib/db/runs");
if (!(await getActiveRun())) await trainFirstModel();

const { ensureDemoToken } = await import("@/lib/setup/demoToken");
const demoToken = await ensureDemoToken();

const { db } = await import("@/lib/db/client");
await db.$disconnect();

const { buildApp, startApp } = await import("./nextServer");
buildApp();
console.log(`\n${describeFirstAdmin(admin)}`);
if (!admin.created) console.log(`Sign in as ${process.env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL} with the password set on first setup.`);
console.log("Open http://localhost:3000 and sign in.");
console.log(`API token for scripts (scope ANALYST, kept in .env as DEMO_API_TOKEN; revoke it on Admin → API tokens and the next start mints another):\n  ${demoToken.secret}`);
console.log(`  curl -H "Authorization: Bearer ${demoToken.secret}" http://localhost:3000/api/v1/segments\n`);
console.log("To remove the demo data (customers, orders, runs; users and tokens stay): Admin → Remove all data, or npm run reset-data -- --yes\n");
process.exit(await startApp());

async function importSampleData(): Promise<void> {
  fs.mkdirSync("data", { recursive: true });
  execFileSync(
    "npx",
    ["tsx", "lib/cli/generate.ts", "--rows", String(SAMPLE_ROWS), "--seed", String(SAMPLE_SEED), "--out", SAMPLE_CUSTOMERS, "--orders", SAMPLE_ORDERS],
    { stdio: "inherit" },
  );
  const { importFile } = await import("@/lib/services/importFile");
  for (const [kind, file] of [["customers", SAMPLE_CUSTOMERS], ["orders", SAMPLE_ORDERS]] as const) {
    const summary = await importFile({ kind, source: file, fileName: file.split("/").pop()!, userId: null });
    if (summary.status !== "SUCCEEDED") throw new Error(`the sample ${kind} did not import: ${summary.error}`);
    console.log(`Imported ${summary.rowsInserted.toLocaleString("en-US")} sample ${kind === "customers" ? "customers" : "order lines"}.`);
  }
}

async function trainFirstModel(): Promise<void> {
  console.log("Training the first model (segments, response likelihood, lifetime value)…");
  const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null });
  if (outcome.status === "FAILED") throw new Error(`the first training run failed: ${outcome.reasons.join("; ")}`);
  console.log(`Run ${outcome.runId} ${outcome.status.toLowerCase()}: ${outcome.reasons.join("; ")}`);
}
