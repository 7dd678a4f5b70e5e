/**
 * `tsx --conditions react-server tests/e2e/support/twoServersDatabase.ts` — for
 * tests/e2e/two-servers.spec.ts: a fresh PostgreSQL database on TEST_POSTGRES_URL's server with
 * 300 synthetic customers, two trained runs, an administrator and one API token per test. Prints
 * { databaseUrl, runIds, admin, revokedToken, rateToken, activationToken } as JSON; the spec drops
 * the database. DATABASE_URL is ignored: the database is made here.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { createTestDatabase } from "@/tests/integration/support/databases";

const ADMIN = { email: "two-servers@example.com", password: "two-servers-password" };
const LIGHT = { spaces: ["standardized" as const], kMax: 4, folds: 3 };

const database = await createTestDatabase("postgresql");
// Set before the client is imported: it binds DATABASE_URL at import.
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db/internal/client");
const { createApiToken } = await import("@/lib/db/tokens");
const { createUser } = await import("@/lib/db/users");
const { hashPassword } = await import("@/lib/auth/password");
const { importFile } = await import("@/lib/services/importFile");
const { runRetrain } = await import("@/lib/services/retrain/runRetrain");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "two-servers-"));
let isHandedOver = false;
try {
  const file = path.join(dir, "customers.csv");
  fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 30, count: 300 })));
  const imported = await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null });
  if (imported.status !== "SUCCEEDED") throw new Error(`import failed: ${JSON.stringify(imported)}`);
  // Two runs with models: whichever is not active after the second is the one to activate by hand.
  const runIds: number[] = [];
  for (let i = 0; i < 2; i++) {
    const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
    if (outcome.status === "FAILED") throw new Error(`run ${outcome.runId} failed: ${outcome.reasons.join("; ")}`);
    runIds.push(outcome.runId);
  }
  await createUser({ email: ADMIN.email, name: "Two servers", role: "ADMIN", passwordHash: await hashPassword(ADMIN.password) });
  const token = (name: string, scope: "VIEWER" | "ANALYST") => createApiToken({ name, scope, expiresAt: null, createdById: null });
  const revoked = await token("revoked-on-a", "VIEWER");
  const rate = await token("rate-shared", "VIEWER");
  // ANALYST: it also reads /api/v1/runs to learn which run is active.
  const activation = await token("scores-after-activation", "ANALYST");
  console.log(
    JSON.stringify({
      databaseUrl: database.url,
      runIds,
      admin: ADMIN,
      revokedToken: { id: revoked.token.id, secret: revoked.secret },
      rateToken: rate.secret,
      activationToken: activation.secret,
    }),
  );
  isHandedOver = true;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
  // A failed set-up leaves no database behind: the spec never learns its name.
  if (!isHandedOver) await database.drop();
}
