/**
 * Runs before the e2e server starts: a fresh SQLite database, migrated, with one user per role.
 */
import fs from "node:fs";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { databaseTarget } from "@/lib/db/internal/provider";

const target = databaseTarget();
if (target.provider !== "sqlite") throw new Error("the e2e tests run on a throwaway SQLite file");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target.filePath + suffix, { force: true });
await deployMigrations(target);

const { seedUsers } = await import("./seedUsers");
const { db } = await import("@/lib/db/internal/client");
await seedUsers();
await db.$disconnect();
console.log(`e2e database ready at ${target.filePath}`);
