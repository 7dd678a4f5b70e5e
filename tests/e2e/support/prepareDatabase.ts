/**
 * Runs before the e2e server starts: a fresh SQLite database, migrated, with one user per role.
 */
import fs from "node:fs";
import { deployMigrations } from "@/lib/db/migrate";
import { databaseTarget } from "@/lib/db/provider";
import { E2E_USERS, LOCKOUT_USER } from "./users";

const target = databaseTarget();
if (target.provider !== "sqlite") throw new Error("the e2e tests run on a throwaway SQLite file");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target.filePath + suffix, { force: true });
await deployMigrations(target);

const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/db/users");
const { db } = await import("@/lib/db/client");
for (const [role, user] of Object.entries(E2E_USERS)) {
  await createUser({ email: user.email, name: `${role.toLowerCase()} e2e`, role: role as keyof typeof E2E_USERS, passwordHash: await hashPassword(user.password) });
}
await createUser({ email: LOCKOUT_USER.email, name: "lock-out e2e", role: "VIEWER", passwordHash: await hashPassword(LOCKOUT_USER.password) });
await db.$disconnect();
console.log(`e2e database ready at ${target.filePath}`);
