/**
 * `tsx --conditions react-server tests/e2e/support/freshDatabase.ts FILE` — a SQLite database
 * of its own for a spec that needs an empty one beside the shared e2e database: migrated, with
 * the e2e users and nothing else.
 */
import fs from "node:fs";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { databaseTarget } from "@/lib/db/internal/provider";

const file = process.argv[2];
if (!file) throw new Error("usage: freshDatabase.ts FILE");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
await deployMigrations(databaseTarget(process.env.DATABASE_URL));
const { seedUsers } = await import("./seedUsers");
const { db } = await import("@/lib/db/internal/client");
await seedUsers();
await db.$disconnect();
