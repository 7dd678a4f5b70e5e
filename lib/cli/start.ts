/**
 * `npm start` — apply pending migrations, start the retrain schedule (unless
 * RETRAIN_SCHEDULER says it runs in `npm run worker`), then serve the production build
 * (`npm run build` first).
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { databaseTarget } = await import("@/lib/db/provider");
const { deployMigrations } = await import("@/lib/db/migrate");
await deployMigrations(databaseTarget());
const { startInlineScheduler } = await import("./inlineScheduler");
await startInlineScheduler();
const { startApp } = await import("./nextServer");
process.exit(await startApp());
