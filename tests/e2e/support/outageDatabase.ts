/**
 * `tsx --conditions react-server tests/e2e/support/outageDatabase.ts create|drop URL` — a
 * PostgreSQL database of its own for the outage spec (on TEST_POSTGRES_URL's server): migrated,
 * with the e2e users, a seeded active run and an API token; `create` prints { url, token }.
 */
import { createTestDatabase, dropPostgresDatabase } from "@/tests/integration/support/databases";

const [command, url] = process.argv.slice(2);
if (command === "create") {
  const database = await createTestDatabase("postgresql");
  process.env.DATABASE_URL = database.url;
  const { seedUsers } = await import("./seedUsers");
  const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
  const { createApiToken } = await import("@/lib/db/tokens");
  const { db } = await import("@/lib/db/internal/client");
  await seedUsers();
  await seedScoredRun({ customers: 500, seed: 5 });
  const { secret } = await createApiToken({ name: "outage e2e", scope: "ANALYST", expiresAt: null, createdById: null });
  await db.$disconnect();
  console.log(JSON.stringify({ url: database.url, token: secret }));
} else if (command === "drop" && url) {
  await dropPostgresDatabase(url);
} else {
  throw new Error("usage: outageDatabase.ts create | drop URL");
}
