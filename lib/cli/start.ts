/**
 * `npm start` — apply pending migrations, then serve the production build (`npm run build`
 * first). The server starts the retrain schedule itself (instrumentation.ts).
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { databaseTarget } = await import("@/lib/db/provider");
const { deployMigrations } = await import("@/lib/db/migrate");
await deployMigrations(databaseTarget());
const { startApp } = await import("./nextServer");
process.exit(await startApp());
