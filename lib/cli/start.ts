/**
 * `npm start` — apply pending migrations, then serve the production build (`npm run build`
 * first) on PORT (default 3000). The server starts the retrain schedule itself (instrumentation.ts).
 */
import { ensureEnvFile, readServedPort, syncLocalUrl } from "@/lib/setup/envFile";

ensureEnvFile();
syncLocalUrl(readServedPort());
const { databaseTarget } = await import("@/lib/db/internal/provider");
const { deployMigrations } = await import("@/lib/db/internal/migrate");
await deployMigrations(databaseTarget());
const { startApp } = await import("./nextServer");
process.exit(await startApp());
