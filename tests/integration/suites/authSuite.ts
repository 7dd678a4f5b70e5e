/**
 * First admin and sign-in throttling against a real database; run once per provider.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

export function defineAuthSuite(provider: TestProvider): void {
  describe(`sign-in on ${provider}`, () => {
    let database: TestDatabase;
    let db: typeof import("@/lib/db/client").db;

    beforeAll(async () => {
      process.env.ADMIN_EMAIL = "first.admin@example.com";
      process.env.ADMIN_PASSWORD = "first-admin-password";
      database = await useTestDatabase(provider);
      db = (await import("@/lib/db/client")).db;
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    test("the first admin is created once, from ADMIN_EMAIL and ADMIN_PASSWORD, with a bcrypt hash", async () => {
      const { ensureFirstAdmin } = await import("@/lib/setup/firstAdmin");
      const { verifyPassword } = await import("@/lib/auth/password");
      expect(await ensureFirstAdmin()).toMatchObject({ created: true, email: "first.admin@example.com", generated: false });
      expect(await ensureFirstAdmin()).toEqual({ created: false });
      const admin = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.com" } });
      expect(admin.role).toBe("ADMIN");
      expect(admin.passwordHash).not.toContain("first-admin-password");
      expect(await verifyPassword("first-admin-password", admin.passwordHash)).toBe(true);
      expect(await verifyPassword("wrong", admin.passwordHash)).toBe(false);
    });

    test("five failures lock the account but not another account from a different address", async () => {
      const { lockedMinutes, recordFailure, throttleKeys } = await import("@/lib/auth/throttle");
      const now = new Date("2026-01-01T10:00:00Z");
      const keys = throttleKeys("Someone@Example.com", "10.0.0.1");
      for (let attempt = 1; attempt <= 4; attempt++) await recordFailure(keys, now);
      expect(await lockedMinutes(keys, now)).toBe(0);
      await recordFailure(keys, now);
      expect(await lockedMinutes(keys, now)).toBe(15);
      expect(await lockedMinutes(throttleKeys("someone@example.com", "10.0.0.9"), now)).toBe(15);
      expect(await lockedMinutes(throttleKeys("other@example.com", "10.0.0.9"), now)).toBe(0);
      expect(await lockedMinutes(keys, new Date(now.getTime() + 16 * 60_000))).toBe(0);
    });

    test("an address is locked after four times the per-account allowance, across accounts", async () => {
      const { lockedMinutes, recordFailure, throttleKeys } = await import("@/lib/auth/throttle");
      const now = new Date("2026-01-02T10:00:00Z");
      for (let i = 0; i < 20; i++) await recordFailure(throttleKeys(`user${i}@example.com`, "10.0.0.2"), now);
      expect(await lockedMinutes(throttleKeys("fresh@example.com", "10.0.0.2"), now)).toBe(15);
    });

    test("a success clears the account's failures", async () => {
      const { lockedMinutes, recordFailure, recordSuccess, throttleKeys } = await import("@/lib/auth/throttle");
      const keys = throttleKeys("clears@example.com", "10.0.0.3");
      for (let i = 0; i < 4; i++) await recordFailure(keys);
      await recordSuccess("clears@example.com");
      await recordFailure(keys);
      expect(await db.signInThrottle.findUnique({ where: { key: "account:clears@example.com" } })).toMatchObject({ failures: 1 });
      expect(await lockedMinutes(keys)).toBe(0);
    });
  });
}
