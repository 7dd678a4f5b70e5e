/**
 * `npm run demo` — everything a new user needs on one machine: `.env`, the SQLite
 * database, the first administrator, 5,000 synthetic customers with their order lines,
 * a first trained model, the synthetic data's currency (USD, en-US) unless one is set, a
 * production build (skipped when current), the retrain schedule, and the app on PORT (default 3000, or --port). A few lines a step, the build and server
 * output in data/demo-*.log (`--verbose` or DEMO_VERBOSE=1 shows them in the terminal), and
 * the sign-in details last, in a box.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { ensureEnvFile, buildLocalUrl, readServedPort, syncLocalUrl } from "@/lib/setup/envFile";
import { fingerprintSources, isBuildCurrent, recordBuild } from "@/lib/setup/buildFingerprint";
import type { DemoSummary } from "@/lib/setup/demoSummary";
import { buildApp, startApp } from "./nextServer";

const SAMPLE_ROWS = 5_000;
const SAMPLE_SEED = 7;
const SAMPLE_CUSTOMERS = "data/sample-customers.csv";
const SAMPLE_ORDERS = "data/sample-orders.csv";
const BUILD_LOG = "data/demo-build.log";
const SERVER_LOG = "data/demo-server.log";
const BUILD_DIR = ".next";

const { values: flags } = parseArgs({ options: { verbose: { type: "boolean" }, port: { type: "string" } } });
const verbose = flags.verbose === true || process.env.DEMO_VERBOSE === "1";
if (flags.port !== undefined) process.env.PORT = flags.port;
const port = readServedPort();

const added = ensureEnvFile();
if (added.length) console.log(`Wrote ${added.join(", ")} to .env.`);
syncLocalUrl(port);

const { databaseTarget } = await import("@/lib/db/internal/provider");
const { deployMigrations } = await import("@/lib/db/internal/migrate");
const applied = await deployMigrations(databaseTarget());
console.log(applied.length ? `Database migrated (${applied.length} migrations).` : "Database is up to date.");

const { ensureFirstAdmin } = await import("@/lib/setup/firstAdmin");
const admin = await ensureFirstAdmin();
if (admin.created) console.log(`Created the administrator ${admin.email}.`);

const { countCustomers } = await import("@/lib/db/customers/profiles");
if ((await countCustomers()) === 0) await importSampleData();
const { getActiveRunId } = await import("@/lib/db/activeRun");
if ((await getActiveRunId()) === null) await trainFirstModel();

const { saveMoneyFormatIfUnset } = await import("@/lib/db/settings");
if (await saveMoneyFormatIfUnset({ currency: "USD", locale: "en-US" }))
  console.log("Money shows in US dollars (en-US); an administrator can change it on the admin page.");

const { ensureDemoToken } = await import("@/lib/setup/demoToken");
const demoToken = await ensureDemoToken();
const adminEmail = admin.created ? admin.email : await firstAdminEmail();

const { disconnectDatabase } = await import("@/lib/db/connection");
await disconnectDatabase();

buildIfStale();

const { framed, formatSummaryLines } = await import("@/lib/setup/demoSummary");
const summary: DemoSummary = {
  url: buildLocalUrl(port),
  logs: verbose ? [] : [BUILD_LOG, SERVER_LOG],
  adminEmail,
  password: !admin.created ? { kind: "earlier" } : admin.generated ? { kind: "generated", value: admin.password } : { kind: "fromEnv" },
  tokenCreated: demoToken.created,
};
console.log(`Starting the server on port ${port}…`);
const printSummary = () => console.log(`\n${framed(formatSummaryLines(summary))}\n`);
process.exit(await startApp({ port, onReady: printSummary, logFile: verbose ? undefined : SERVER_LOG }));

async function importSampleData(): Promise<void> {
  fs.mkdirSync("data", { recursive: true });
  execFileSync(
    "npx",
    ["tsx", "lib/cli/generate.ts", "--rows", String(SAMPLE_ROWS), "--seed", String(SAMPLE_SEED), "--out", SAMPLE_CUSTOMERS, "--orders", SAMPLE_ORDERS],
    { stdio: ["ignore", verbose ? "inherit" : "ignore", "inherit"] },
  );
  const { importFile } = await import("@/lib/services/importFile");
  for (const [kind, file] of [
    ["customers", SAMPLE_CUSTOMERS],
    ["orders", SAMPLE_ORDERS],
  ] as const) {
    const summary = await importFile({ kind, source: file, fileName: file.split("/").pop()!, userId: null });
    if (summary.status !== "SUCCEEDED") throw new Error(`the sample ${kind} did not import: ${summary.error}`);
    console.log(`Imported ${summary.rowsInserted.toLocaleString("en-US")} sample ${kind === "customers" ? "customers" : "order lines"}.`);
  }
}

async function trainFirstModel(): Promise<void> {
  const { startProgress } = await import("./progressBar");
  const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
  const progress = startProgress("Training the first model");
  progress.update("starting", 0);
  const outcome = await runRetrain({ trigger: "CLI", requestedById: null }, { onProgress: (stage, share) => progress.update(stage, share) });
  if (outcome.status === "FAILED") throw new Error(`the first training run failed: ${outcome.reasons.join("; ")}`);
  const status = outcome.review ? "held for review" : outcome.status.toLowerCase();
  progress.finish(`Trained the first model: run ${outcome.runId} ${status}${outcome.status === "SUCCEEDED" ? "" : ` (${outcome.reasons.join("; ")})`}`);
}

async function firstAdminEmail(): Promise<string> {
  const { listUsers } = await import("@/lib/db/users");
  const { DEFAULT_ADMIN_EMAIL } = await import("@/lib/setup/firstAdmin");
  return (await listUsers()).find((user) => user.role === "ADMIN" && !user.disabled)?.email ?? DEFAULT_ADMIN_EMAIL;
}

/** Builds unless `.next` was built from these sources; records the sources' fingerprint only if they did not change meanwhile. */
function buildIfStale(): void {
  const root = process.cwd();
  const before = fingerprintSources(root);
  if (isBuildCurrent(root, before, BUILD_DIR)) return void console.log("The build is current, skipping it.");
  const started = Date.now();
  fs.mkdirSync("data", { recursive: true });
  if (verbose) buildApp();
  else {
    console.log(`Building the app (about 2 minutes; the output goes to ${BUILD_LOG})…`);
    buildApp(BUILD_LOG);
  }
  // A source edited during the build may not be in it: then nothing is recorded and the next start builds again.
  if (fingerprintSources(root) === before) recordBuild(before, BUILD_DIR);
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
