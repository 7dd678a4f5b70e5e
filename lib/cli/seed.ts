/**
 * `npm run seed` — on an empty database, create the first administrator.
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { describeFirstAdmin, ensureFirstAdmin } = await import("@/lib/setup/firstAdmin");
const { disconnectDatabase } = await import("@/lib/db/connection");
console.log(describeFirstAdmin(await ensureFirstAdmin()));
await disconnectDatabase();
