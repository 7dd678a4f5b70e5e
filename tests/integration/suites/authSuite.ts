/**
 * First admin, sign-in limits, the dummy-hash comparison, the 72-byte rule, the audit trail and
 * session versions against a real database; run once per provider. Sign-ins go through
 * `authenticate`, the function next-auth's credentials provider calls, with the request's
 * headers; each test uses its own clock (`now`) so one test's locks never reach another.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const PROXY = "10.0.0.1";
const viaProxy = (client: string) => ({ "x-forwarded-for": `${client}, ${PROXY}` });

export function defineAuthSuite(provider: TestProvider): void {
  describe(`sign-in on ${provider}`, () => {
    let database: TestDatabase;
    let db: typeof import("@/lib/db/internal/client").db;
    let authenticate: typeof import("@/lib/auth/signIn").authenticate;
    let password: typeof import("@/lib/auth/password");
    let throttle: typeof import("@/lib/auth/throttle");
    let createUser: typeof import("@/lib/db/users").createUser;

    /** A user with this password, created once per email. */
    async function userWith(email: string, secret: string) {
      return createUser({ email, name: email, role: "VIEWER", passwordHash: await password.hashPassword(secret) });
    }

    beforeAll(async () => {
      process.env.ADMIN_EMAIL = "first.admin@example.com";
      process.env.ADMIN_PASSWORD = "first-admin-password";
      database = await useTestDatabase(provider);
      db = (await import("@/lib/db/internal/client")).db;
      ({ authenticate } = await import("@/lib/auth/signIn"));
      password = await import("@/lib/auth/password");
      throttle = await import("@/lib/auth/throttle");
      ({ createUser } = await import("@/lib/db/users"));
    });

    afterEach(() => {
      delete process.env.TRUSTED_PROXIES;
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    test("the first admin is created once, from ADMIN_EMAIL and ADMIN_PASSWORD, with a bcrypt hash", async () => {
      const { ensureFirstAdmin } = await import("@/lib/setup/firstAdmin");
      expect(await ensureFirstAdmin()).toMatchObject({ created: true, email: "first.admin@example.com", generated: false });
      expect(await ensureFirstAdmin()).toEqual({ created: false });
      const admin = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.com" } });
      expect(admin.role).toBe("ADMIN");
      expect(admin.passwordHash).not.toContain("first-admin-password");
      expect(await password.verifyPassword("first-admin-password", admin.passwordHash)).toBe(true);
      expect(await password.verifyPassword("wrong", admin.passwordHash)).toBe(false);
    });

    test("five wrong passwords from one address lock that address only: the right one works from another, and an admin unlock frees the first", async () => {
      process.env.TRUSTED_PROXIES = PROXY;
      const now = new Date("2026-01-01T10:00:00Z");
      await userWith("target@example.com", "target-password-1");
      const attacker = viaProxy("203.0.113.66");
      for (let i = 1; i <= 5; i++) {
        expect(await authenticate({ email: "target@example.com", password: `guess-${i}` }, attacker, now)).toEqual({ ok: false });
      }
      expect(await authenticate({ email: "target@example.com", password: "target-password-1" }, attacker, now)).toEqual({
        ok: false,
        message: "Too many failed sign-ins. Try again in 15 minutes.",
      });
      const owner = await authenticate({ email: "Target@example.com", password: "target-password-1" }, viaProxy("198.51.100.7"), now);
      expect(owner).toMatchObject({ ok: true, user: { email: "target@example.com" } });

      const locks = await throttle.listLocks(now);
      expect(locks).toEqual([
        expect.objectContaining({ key: "pair:target@example.com|203.0.113.66", kind: "pair", email: "target@example.com", address: "203.0.113.66" }),
      ]);
      expect(await throttle.liftLock(locks[0].key)).toBe(true);
      expect(await authenticate({ email: "target@example.com", password: "target-password-1" }, attacker, now)).toMatchObject({ ok: true });
      expect(await throttle.listLocks(now)).toEqual([]);
    });

    test("failures from many addresses only slow an account, never lock it", async () => {
      process.env.TRUSTED_PROXIES = PROXY;
      const now = new Date("2026-01-02T10:00:00Z");
      const admissions = [];
      for (let i = 0; i < 12; i++) {
        const keys = throttle.buildThrottleKeys("slowed@example.com", `192.0.2.${i}`);
        const admission = await throttle.admitAttempt(keys, now);
        admissions.push(admission.allowed ? admission.delayMs : "refused");
        if (admission.allowed) await throttle.recordFailure(keys, admission, now);
      }
      expect(admissions).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    });

    test("with no trusted proxy, rotating X-Forwarded-For does not escape the shared limit: past 20 failures, one check at a time", async () => {
      const now = new Date("2026-01-03T10:00:00Z");
      const before = password.countPasswordComparisons();
      const results = [];
      for (let i = 0; i < 25; i++) {
        results.push(await authenticate({ email: `sprayed${i}@example.com`, password: "Summer2026!" }, { "x-forwarded-for": `198.18.0.${i}` }, now));
      }
      // 20 free checks, then the 21st takes the one turn open now; the rest must wait for the next, a second later.
      expect(password.countPasswordComparisons() - before).toBe(21);
      expect(results.slice(0, 21).every((result) => !result.ok && !result.message)).toBe(true);
      expect(results.slice(21)).toEqual(Array(4).fill({ ok: false, message: "Too many failed sign-ins. Try again in 1 second." }));
      const addressKeys = await db.signInThrottle.findMany({ where: { key: { startsWith: "address:" }, windowStart: now } });
      expect(addressKeys.map((row) => row.key)).toEqual(["address:unknown"]);
      expect((await throttle.listLocks(now)).map((lock) => lock.label)).toEqual(["every account: one check at a time (no trusted proxy is set)"]);
      await throttle.liftLock("turn:address:unknown");
    });

    test("with no trusted proxy, an attacker's failures never lock the owner out: they only space checks out, by seconds", async () => {
      const now = new Date("2026-01-03T12:00:00Z");
      await userWith("owner@example.com", "owner-password-1");
      const attempts = [];
      for (let i = 0; i < 10; i++) attempts.push(await authenticate({ email: "owner@example.com", password: `guess-${i}` }, {}, now));
      expect(attempts.slice(0, 6)).toEqual(Array(6).fill({ ok: false }));
      expect(attempts.slice(6)).toEqual(Array(4).fill({ ok: false, message: "Too many failed sign-ins. Try again in 1 second." }));
      // Two seconds later the next turn is open, to whoever asks first: here the owner.
      const later = new Date(now.getTime() + 2_000);
      expect(await authenticate({ email: "owner@example.com", password: "owner-password-1" }, {}, later)).toMatchObject({ ok: true });
      expect(await db.signInThrottle.count({ where: { key: { in: ["account:owner@example.com", "turn:account:owner@example.com"] } } })).toBe(0);
    });

    test("from a trusted proxy, X-Forwarded-For names the client: distinct clients get their own allowance", async () => {
      process.env.TRUSTED_PROXIES = `${PROXY}/32`;
      const now = new Date("2026-01-04T10:00:00Z");
      const before = password.countPasswordComparisons();
      for (let i = 0; i < 21; i++) {
        const result = await authenticate({ email: `spread${i}@example.com`, password: "Summer2026!" }, viaProxy(`198.18.1.${i}`), now);
        expect(result).toEqual({ ok: false });
      }
      expect(password.countPasswordComparisons() - before).toBe(21);
      // One client, rotating the part it writes itself, stays one address: locked at the 20th failure.
      for (let i = 0; i < 21; i++)
        await authenticate({ email: `spoof${i}@example.com`, password: "x" }, { "x-forwarded-for": `1.2.3.${i}, 198.18.2.1, ${PROXY}` }, now);
      expect(await db.signInThrottle.findUnique({ where: { key: "address:198.18.2.1" } })).toMatchObject({ failures: 20 });
      expect(await throttle.listLocks(now)).toEqual([expect.objectContaining({ kind: "address", address: "198.18.2.1" })]);
    });

    test("30 parallel wrong passwords from one address make exactly the limit's number of password checks", async () => {
      process.env.TRUSTED_PROXIES = PROXY;
      const now = new Date("2026-01-05T10:00:00Z");
      await userWith("parallel@example.com", "parallel-password-1");
      const before = password.countPasswordComparisons();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => authenticate({ email: "parallel@example.com", password: `wrong-${i}` }, viaProxy("203.0.113.30"), now)),
      );
      expect(password.countPasswordComparisons() - before).toBe(5);
      expect(results.filter((result) => !result.ok && result.message?.startsWith("Too many failed sign-ins"))).toHaveLength(25);
      const failed = await db.auditLog.findMany({ where: { action: "signin.failed" } });
      expect(failed.filter((entry) => (entry.details as { email?: string }).email === "parallel@example.com")).toHaveLength(5);
    });

    test("with no client address, 30 parallel wrong passwords make the 5 free checks and the one turn open now", async () => {
      const now = new Date("2026-01-05T12:00:00Z");
      await userWith("parallel2@example.com", "parallel-password-2");
      const before = password.countPasswordComparisons();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => authenticate({ email: "parallel2@example.com", password: `wrong-${i}` }, {}, now)),
      );
      expect(password.countPasswordComparisons() - before).toBe(6);
      // Which attempt takes the turn is a race, and so is how many attempts were counted before it: the wait a refusal names is
      // the gap of the turn it met, from 1 s up to the account's 1 minute (SHARED_GAP_MS, ACCOUNT_GAP_MS in lib/auth/throttle.ts).
      expect(
        results.filter((result) => !result.ok && /^Too many failed sign-ins\. Try again in (\d+ seconds?|1 minute)\.$/.test(result.message ?? "")),
      ).toHaveLength(24);
    });

    test("a known, an unknown and a disabled account each cost exactly one bcrypt comparison; only the right password hears it is disabled", async () => {
      const now = new Date("2026-01-06T10:00:00Z");
      await userWith("known@example.com", "known-password-1");
      const disabled = await userWith("disabled@example.com", "disabled-password-1");
      await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
      const { ACCOUNT_DISABLED } = await import("@/lib/auth/signIn");
      for (const [email, secret, answer] of [
        ["known@example.com", "wrong-password", { ok: false }],
        ["nobody@example.com", "wrong-password", { ok: false }],
        ["disabled@example.com", "wrong-password", { ok: false }],
        ["disabled@example.com", "disabled-password-1", { ok: false, message: ACCOUNT_DISABLED }],
      ] as const) {
        const before = password.countPasswordComparisons();
        expect(await authenticate({ email, password: secret }, {}, now)).toEqual(answer);
        expect(password.countPasswordComparisons() - before).toBe(1);
      }
      const refusals = await db.auditLog.findMany({ where: { action: "signin.failed", target: `user:${disabled.id}` }, orderBy: { id: "asc" } });
      expect(refusals.map((entry) => (entry.details as { reason?: string }).reason ?? null)).toEqual([null, "disabled"]);
    });

    test("passwords over 72 bytes are refused when set and when tried, never matched on their first 72 bytes", async () => {
      const now = new Date("2026-01-07T10:00:00Z");
      const exactly72 = "é".repeat(36);
      expect(Buffer.byteLength(exactly72)).toBe(72);
      await userWith("long@example.com", exactly72);
      expect(await authenticate({ email: "long@example.com", password: exactly72 }, {}, now)).toMatchObject({ ok: true });
      const before = password.countPasswordComparisons();
      expect(await authenticate({ email: "long@example.com", password: `${exactly72}and more` }, {}, now)).toEqual({
        ok: false,
        message: password.PASSWORD_TOO_LONG,
      });
      expect(password.countPasswordComparisons()).toBe(before);
      await expect(password.hashPassword(`${exactly72}x`)).rejects.toThrow("at most 72 bytes");
      expect(password.newPasswordSchema.safeParse("a".repeat(73)).error?.issues[0].message).toBe(password.PASSWORD_TOO_LONG);
      expect(password.newPasswordSchema.safeParse("a".repeat(72)).success).toBe(true);
    });

    test("failed sign-ins and lock-outs are in the audit log, with the account and the address", async () => {
      process.env.TRUSTED_PROXIES = PROXY;
      const now = new Date("2026-01-08T10:00:00Z");
      const user = await userWith("audited@example.com", "audited-password-1");
      for (let i = 0; i < 5; i++) await authenticate({ email: "audited@example.com", password: "nope" }, viaProxy("203.0.113.9"), now);
      const entries = await db.auditLog.findMany({ where: { target: `user:${user.id}` }, orderBy: { id: "asc" } });
      expect(entries.map((entry) => entry.action)).toEqual([...Array(5).fill("signin.failed"), "signin.locked"]);
      expect(entries[0].details).toEqual({ email: "audited@example.com", address: "203.0.113.9" });
      expect(entries[5].details).toEqual({ key: "pair:audited@example.com|203.0.113.9", address: "203.0.113.9" });
      await authenticate({ email: "ghost@example.com", password: "nope" }, viaProxy("203.0.113.9"), now);
      expect(await db.auditLog.findFirst({ where: { action: "signin.failed" }, orderBy: { id: "desc" } })).toMatchObject({
        userId: null,
        target: null,
        details: { email: "ghost@example.com" },
      });
    });

    test("the right password clears the pair and the account and takes its attempt back from the address", async () => {
      process.env.TRUSTED_PROXIES = PROXY;
      const now = new Date("2026-01-09T10:00:00Z");
      await userWith("clears@example.com", "clears-password-1");
      const from = viaProxy("203.0.113.10");
      for (let i = 0; i < 4; i++) await authenticate({ email: "clears@example.com", password: "nope" }, from, now);
      expect(await authenticate({ email: "clears@example.com", password: "clears-password-1" }, from, now)).toMatchObject({ ok: true });
      const rows = await db.signInThrottle.findMany({ where: { key: { contains: "203.0.113.10" } } });
      expect(rows.map((row) => [row.key, row.failures])).toEqual([["address:203.0.113.10", 4]]);
      expect(await db.signInThrottle.findUnique({ where: { key: "account:clears@example.com" } })).toBeNull();
    });

    test("expired counters are pruned; live ones and running locks stay", async () => {
      const { pruneThrottle } = await import("@/lib/db/throttle");
      const now = new Date("2026-02-01T10:00:00Z");
      const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
      await db.signInThrottle.createMany({
        data: [
          { key: "prune:old", failures: 3, windowStart: minutesAgo(60), lockedUntil: null },
          { key: "prune:old-lock-over", failures: 5, windowStart: minutesAgo(40), lockedUntil: minutesAgo(25) },
          { key: "prune:fresh", failures: 1, windowStart: minutesAgo(5), lockedUntil: null },
          { key: "prune:locked", failures: 5, windowStart: minutesAgo(20), lockedUntil: new Date(now.getTime() + 60_000) },
        ],
      });
      expect(await pruneThrottle(now, 15 * 60_000)).toBeGreaterThanOrEqual(2);
      const left = await db.signInThrottle.findMany({ where: { key: { startsWith: "prune:" } }, orderBy: { key: "asc" } });
      expect(left.map((row) => row.key)).toEqual(["prune:fresh", "prune:locked"]);
    });

    test("sign-out ends the session: the token's version no longer matches, and disabling does the same", async () => {
      const { authOptions } = await import("@/lib/auth/options");
      const { updateUser } = await import("@/lib/db/users");
      const user = await userWith("session@example.com", "session-password-1");
      const signedIn = await authenticate({ email: "session@example.com", password: "session-password-1" }, {}, new Date("2026-01-10T10:00:00Z"));
      if (!signedIn.ok) throw new Error("sign-in failed");
      const jwt = authOptions.callbacks!.jwt!;
      const token = await jwt({ token: {}, user: signedIn.user } as never);
      expect(token).toMatchObject({ uid: user.id, sv: 0 });
      expect(await jwt({ token } as never)).toEqual(token);

      await authOptions.events!.signOut!({ token } as never);
      await expect(jwt({ token } as never)).rejects.toThrow("This session has ended");
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ sessionVersion: 1 });
      // Replaying the old token's sign-out does not end the next session.
      await authOptions.events!.signOut!({ token } as never);
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ sessionVersion: 1 });
      expect(await db.auditLog.count({ where: { action: "user.signout", userId: user.id } })).toBe(1);

      const next = await jwt({ token: {}, user: { ...signedIn.user, sessionVersion: 1 } } as never);
      await updateUser(user.id, { disabled: true });
      await expect(jwt({ token: next } as never)).rejects.toThrow("This session has ended");
    });
  });
}
