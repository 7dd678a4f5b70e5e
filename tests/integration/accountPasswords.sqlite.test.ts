/**
 * Passwords against a real SQLite database: a user changes their own (current one required,
 * same rules as any new password), an administrator sets a temporary one that the user must
 * change, and the server actions refuse a role without the permission and, while a temporary
 * password stands, everything but the change itself. The signed-in user is stubbed: the
 * actions run as next-auth would hand them `getCurrentUser`.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { PublicUser } from "@/lib/db/users";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const signedIn = vi.hoisted(() => ({ user: null as PublicUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));

describe("account passwords on sqlite", () => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db/internal/client").db;
  let users: typeof import("@/lib/db/users");
  let password: typeof import("@/lib/auth/password");
  let accounts: typeof import("@/lib/auth/accountPasswords");
  let authenticate: typeof import("@/lib/auth/signIn").authenticate;

  async function userWith(email: string, secret: string, role: PublicUser["role"] = "VIEWER"): Promise<PublicUser> {
    return users.createUser({ email, name: email, role, passwordHash: await password.hashPassword(secret) });
  }

  const current = async (id: string) => db.user.findUniqueOrThrow({ where: { id } });
  const signInAs = (email: string, secret: string) => authenticate({ email, password: secret }, {}, new Date("2026-03-01T10:00:00Z"));
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    db = (await import("@/lib/db/internal/client")).db;
    users = await import("@/lib/db/users");
    password = await import("@/lib/auth/password");
    accounts = await import("@/lib/auth/accountPasswords");
    ({ authenticate } = await import("@/lib/auth/signIn"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  test("a wrong current password is refused and changes nothing", async () => {
    const user = await userWith("wrong.current@example.com", "original-password-1");
    const before = await current(user.id);
    const result = await accounts.changeOwnPassword(
      { currentPassword: "not-my-password", newPassword: "brand-new-password", confirmPassword: "brand-new-password" },
      user,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Wrong current password"] } });
    expect(await current(user.id)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
  });

  test.each([
    ["too short", { currentPassword: "x", newPassword: "short-9ch", confirmPassword: "short-9ch" }, "newPassword", "At least 10 characters"],
    ["over 72 bytes", { currentPassword: "x", newPassword: "é".repeat(37), confirmPassword: "é".repeat(37) }, "newPassword", "at most 72 bytes"],
    [
      "typed differently twice",
      { currentPassword: "x", newPassword: "brand-new-password", confirmPassword: "brand-new-passw0rd" },
      "confirmPassword",
      "The two new passwords differ",
    ],
    [
      "the same as the current one",
      { currentPassword: "same-password-1", newPassword: "same-password-1", confirmPassword: "same-password-1" },
      "newPassword",
      "other than the current one",
    ],
  ])("a new password %s is refused on its field", (_name, input, field, message) => {
    const issues = accounts.ownPasswordChange.safeParse(input).error?.issues ?? [];
    expect(
      issues
        .filter((issue) => issue.path[0] === field)
        .map((issue) => issue.message)
        .join(" "),
    ).toContain(message);
  });

  test("changing one's own password: the new one signs in, the old one no longer does, other sessions end", async () => {
    const user = await userWith("changes.own@example.com", "original-password-1");
    const result = await accounts.changeOwnPassword(
      { currentPassword: "original-password-1", newPassword: "brand-new-password", confirmPassword: "brand-new-password" },
      user,
    );
    expect(result).toEqual({ ok: true, message: "Password changed." });
    expect(await current(user.id)).toMatchObject({ sessionVersion: 1, mustChangePassword: false });
    expect(await signInAs("changes.own@example.com", "original-password-1")).toEqual({ ok: false });
    expect(await signInAs("changes.own@example.com", "brand-new-password")).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.password.changed", target: `user:${user.id}` } });
    expect(JSON.stringify(audit)).not.toContain("brand-new-password");
  });

  test("a temporary password signs in, demands a change until one is made, and is audited without the password", async () => {
    const admin = await userWith("resets@example.com", "admin-password-1", "ADMIN");
    const user = await userWith("forgot@example.com", "forgotten-password");
    const set = await accounts.setTemporaryPassword({ userId: user.id, password: "temporary-password-1" }, admin);
    expect(set).toMatchObject({ ok: true });
    expect(await current(user.id)).toMatchObject({ mustChangePassword: true, sessionVersion: 1 });
    expect(await signInAs("forgot@example.com", "forgotten-password")).toEqual({ ok: false });
    expect(await signInAs("forgot@example.com", "temporary-password-1")).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.password.reset", target: `user:${user.id}` } });
    expect(audit).toMatchObject({ userId: admin.id, details: { email: "forgot@example.com" } });
    expect(JSON.stringify(audit)).not.toContain("temporary-password-1");

    const flagged = { ...user, mustChangePassword: true };
    await accounts.changeOwnPassword(
      { currentPassword: "temporary-password-1", newPassword: "my-own-password-1", confirmPassword: "my-own-password-1" },
      flagged,
    );
    expect(await current(user.id)).toMatchObject({ mustChangePassword: false, sessionVersion: 2 });
  });

  test("an administrator cannot set their own password as a temporary one", async () => {
    const admin = await userWith("self.reset@example.com", "admin-password-1", "ADMIN");
    expect(await accounts.setTemporaryPassword({ userId: admin.id, password: "temporary-password-1" }, admin)).toEqual({
      ok: false,
      message: "Change your own password under Account.",
    });
    expect(await current(admin.id)).toMatchObject({ mustChangePassword: false, sessionVersion: 0 });
  });

  test("the server action refuses a non-administrator setting another's password, and changes nothing", async () => {
    const { setTemporaryPasswordAction } = await import("@/app/(app)/admin/users/actions");
    const target = await userWith("target.reset@example.com", "target-password-1");
    const before = await current(target.id);
    for (const role of ["VIEWER", "EXECUTIVE", "ANALYST"] as const) {
      signedIn.user = await userWith(`${role.toLowerCase()}.resetter@example.com`, "resetter-password-1", role);
      const result = await setTemporaryPasswordAction({ ok: true }, form({ userId: target.id, password: "taken-over-password" }));
      expect(result).toEqual({ ok: false, message: `Your role (${role}) may not do this.` });
    }
    expect(await current(target.id)).toMatchObject({ passwordHash: before.passwordHash, mustChangePassword: false, sessionVersion: 0 });
  });

  test("with a temporary password, every server action but the change of one's own password is refused", async () => {
    const { setTemporaryPasswordAction } = await import("@/app/(app)/admin/users/actions");
    const { changeOwnPasswordAction } = await import("@/app/account/actions");
    const other = await userWith("other.user@example.com", "other-password-1");
    const admin = await userWith("flagged.admin@example.com", "admin-password-1", "ADMIN");
    await db.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
    signedIn.user = { ...admin, mustChangePassword: true };
    expect(await setTemporaryPasswordAction({ ok: true }, form({ userId: other.id, password: "temporary-password-1" }))).toEqual({
      ok: false,
      message: "Change your temporary password first (Account).",
    });
    const changed = await changeOwnPasswordAction(
      { ok: true },
      form({ currentPassword: "admin-password-1", newPassword: "admin-password-2", confirmPassword: "admin-password-2" }),
    );
    expect(changed).toEqual({ ok: true, message: "Password changed." });
    expect(await current(admin.id)).toMatchObject({ mustChangePassword: false });
  });
});
