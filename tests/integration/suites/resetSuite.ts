/**
 * A clean start against a real database: customers, order lines, an import batch and a scored
 * active run are removed in one go; users, API tokens, settings and the audit log stay, with
 * the removal in the audit log. Refused while a retrain holds the lease; the Admin page's
 * action is for administrators only.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { PublicUser } from "@/lib/db/users";
import type { BusinessDataCounts } from "@/lib/db/reset";
import { formatOrderLines, ORDER_CSV_HEADER } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMERS = 300;
const ORDER_CUSTOMERS = 40;

export function defineResetSuite(provider: TestProvider): void {
  describe(`removing all data on ${provider}`, () => {
    let database: TestDatabase;
    let dir: string;
    let runId: number;
    let admin: PublicUser;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      reset: typeof import("@/lib/db/reset");
      lease: typeof import("@/lib/db/lease");
      removeBusinessData: typeof import("@/lib/services/resetData").removeBusinessData;
      keptRunsGeneration: typeof import("@/lib/services/keptPerRun").keptRunsGeneration;
      resetDataAction: typeof import("@/app/(app)/admin/actions").resetDataAction;
    };
    const session: { user: PublicUser | null } = { user: null };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "reset-suite-"));
      vi.doMock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
      vi.doMock("next/cache", () => ({ revalidatePath: () => undefined }));
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      ({ runId } = await seedScoredRun({ customers: CUSTOMERS }));

      const ordersFile = path.join(dir, "orders.csv");
      const orders = generateOrders(generateCustomers({ seed: 7, count: ORDER_CUSTOMERS }), { seed: 7 });
      fs.writeFileSync(ordersFile, `${ORDER_CSV_HEADER}\n${formatOrderLines(orders)}`);
      const { importFile } = await import("@/lib/services/importFile");
      const imported = await importFile({ kind: "orders", source: ordersFile, fileName: "orders.csv", userId: null });
      expect(imported.status).toBe("SUCCEEDED");

      const [{ db }, reset, lease, { removeBusinessData }, { keptRunsGeneration }, { resetDataAction }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/reset"),
        import("@/lib/db/lease"),
        import("@/lib/services/resetData"),
        import("@/lib/services/keptPerRun"),
        import("@/app/(app)/admin/actions"),
      ]);
      lib = { db, reset, lease, removeBusinessData, keptRunsGeneration, resetDataAction };

      const { createUser } = await import("@/lib/db/users");
      admin = await createUser({ email: "admin@example.com", name: "Admin", role: "ADMIN", passwordHash: "x" });
      const { createApiToken } = await import("@/lib/db/tokens");
      await createApiToken({ name: "crm", scope: "VIEWER", expiresAt: null, createdById: admin.id });
      const { saveRetrainSchedule } = await import("@/lib/db/settings");
      await saveRetrainSchedule({ cron: "0 3 * * *", timezone: "UTC", enabled: true }, admin.id);
      const { recordAudit } = await import("@/lib/db/audit");
      await recordAudit({ userId: admin.id, action: "schedule.updated" });
    });

    afterAll(async () => {
      vi.doUnmock("@/lib/auth/session");
      vi.doUnmock("next/cache");
      await lib?.db.$disconnect();
      await database?.drop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const kept = () =>
      Promise.all([lib.db.user.count(), lib.db.apiToken.count(), lib.db.setting.count(), lib.db.auditLog.count()]).then(([users, tokens, settings, audit]) => ({
        users,
        tokens,
        settings,
        audit,
      }));

    test("the seeded database holds every kind of business data", async () => {
      const counts = await lib.reset.countBusinessData();
      expect(counts).toMatchObject({ customers: CUSTOMERS, customerScores: CUSTOMERS, modelRuns: 1, runActivations: 1, importBatches: 1, retrainLeases: 0 });
      expect(counts.segmentProfiles).toBeGreaterThan(0);
      expect(counts.modelArtifacts).toBeGreaterThan(0);
      expect(counts.orders).toBeGreaterThan(ORDER_CUSTOMERS);
    });

    test("npm run reset-data without --yes says what it would remove and removes nothing", async () => {
      const before = await lib.reset.countBusinessData();
      const result = await resetDataCli(database.url, []);
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(`This would remove ${CUSTOMERS} customers, ${before.orders} order lines, 1 import, 1 model run,`);
      expect(result.stderr).toContain("Nothing was removed. To remove it: npm run reset-data -- --yes");
      expect(await lib.reset.countBusinessData()).toEqual(before);
    });

    test("a reset is refused while a retrain holds the lease, and removes nothing", async () => {
      const before = await lib.reset.countBusinessData();
      const auditBefore = await lib.db.auditLog.count();
      const held = await lib.lease.acquireRetrainLease(runId, "reset test");
      try {
        await expect(lib.removeBusinessData({ userId: admin.id, via: "admin" })).rejects.toThrow(`a retrain is already running (run ${runId})`);
        await expect(lib.removeBusinessData({ userId: admin.id, via: "admin" })).rejects.toBeInstanceOf(lib.lease.RetrainBusyError);
        session.user = admin;
        const refused = await lib.resetDataAction({ ok: true }, form({ confirmation: "DELETE ALL DATA" }));
        expect(refused).toEqual({ ok: false, message: `a retrain is already running (run ${runId}); nothing was removed. Try again when it has finished.` });
        const cli = await resetDataCli(database.url, ["--yes"]);
        expect(cli.code).toBe(3);
        expect(cli.stderr).toContain(`a retrain is already running (run ${runId}); nothing was removed.`);
      } finally {
        session.user = null;
        await held.release();
      }
      expect(await lib.reset.countBusinessData()).toEqual(before);
      expect(await lib.db.auditLog.count()).toBe(auditBefore);
    });

    test.each([
      ["anonymous", null, "Sign in first."],
      ["a viewer", "VIEWER", "Your role (VIEWER) may not do this."],
      ["an executive", "EXECUTIVE", "Your role (EXECUTIVE) may not do this."],
      ["an analyst", "ANALYST", "Your role (ANALYST) may not do this."],
    ] as const)("the Admin page's action refuses %s and removes nothing", async (_who, role, message) => {
      session.user = role ? { ...admin, id: `not-${role}`, role } : null;
      const before = await lib.reset.countBusinessData();
      expect(await lib.resetDataAction({ ok: true }, form({ confirmation: "DELETE ALL DATA" }))).toEqual({ ok: false, message });
      expect(await lib.reset.countBusinessData()).toEqual(before);
    });

    test("an administrator must type the confirmation", async () => {
      session.user = admin;
      const result = await lib.resetDataAction({ ok: true }, form({ confirmation: "delete all data" }));
      expect(result.ok).toBe(false);
      expect(result.fieldErrors?.confirmation).toEqual(["Type DELETE ALL DATA (in capitals) to confirm"]);
      expect((await lib.reset.countBusinessData()).customers).toBe(CUSTOMERS);
    });

    test("an administrator's reset removes the business data and keeps users, tokens, settings and the audit log", async () => {
      const before = await lib.reset.countBusinessData();
      const keptBefore = await kept();
      const generation = lib.keptRunsGeneration();
      session.user = admin;
      const result = await lib.resetDataAction({ ok: true }, form({ confirmation: " DELETE ALL DATA " }));
      expect(result.ok).toBe(true);
      expect(result.message).toBe(
        `Removed ${CUSTOMERS} customers, ${before.orders} order lines, 1 import, 1 model run, ${before.modelArtifacts} model artifact${before.modelArtifacts === 1 ? "" : "s"}, ` +
          `${before.segmentProfiles} segments, ${CUSTOMERS} customer scores, 1 run activation, 0 retrain leases. ` +
          "Users, API tokens, settings and the audit log were kept.",
      );

      const empty = Object.fromEntries(Object.keys(before).map((table) => [table, 0])) as unknown as BusinessDataCounts;
      expect(await lib.reset.countBusinessData()).toEqual(empty);
      expect(await kept()).toEqual({ ...keptBefore, audit: keptBefore.audit + 1 });
      const entry = await lib.db.auditLog.findFirstOrThrow({ where: { action: "data.reset" } });
      expect(entry.userId).toBe(admin.id);
      expect(entry.details).toEqual({ via: "admin", ...before });
      expect(lib.keptRunsGeneration()).toBe(generation + 1);
      expect(await lib.db.setting.findUnique({ where: { key: "retrain.schedule" } })).not.toBeNull();
    });

    test("from the command line the audit entry has no user and says cli; an empty database resets to zeros", async () => {
      const result = await resetDataCli(database.url, ["--yes"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Removed 0 customers, 0 order lines, 0 imports,");
      const entry = await lib.db.auditLog.findFirstOrThrow({ where: { action: "data.reset", userId: null } });
      expect(entry.details).toMatchObject({ via: "cli", customers: 0 });
    });

    test("after a reset new data imports and ids do not clash with the removed ones", async () => {
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      const { runId: next } = await seedScoredRun({ customers: 20 });
      expect(next).toBeGreaterThan(runId);
      expect((await lib.reset.countBusinessData()).customerScores).toBe(20);
    });
  });
}

/** npm run reset-data as its own process, against the test database. */
function resetDataCli(databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["--conditions", "react-server", "lib/cli/resetData.ts", ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
