/**
 * `npm run seed` — on an empty database, create the first administrator.
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { describeFirstAdmin, ensureFirstAdmin } = await import("@/lib/setup/firstAdmin");
const { db } = await import("@/lib/db/internal/client");
console.log(describeFirstAdmin(await ensureFirstAdmin()));
await db.$disconnect();
