/** `npm run admin-password`'s write: the new password signs in, the old one no longer does, and sessions end. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase } from "./support/databases";

describe("an administrator's new password", () => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db/client").db;

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    ({ db } = await import("@/lib/db/client"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  test("replaces the old password and ends the sessions signed before it", async () => {
    const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
    const { createUser, getSessionVersion, setPasswordHash } = await import("@/lib/db/users");
    const admin = await createUser({ email: "admin@example.com", name: "Admin", role: "ADMIN", passwordHash: await hashPassword("old-password-1") });
    const before = await getSessionVersion(admin.id);

    await setPasswordHash(admin.id, await hashPassword("new-password-2"));

    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await verifyPassword("new-password-2", passwordHash)).toBe(true);
    expect(await verifyPassword("old-password-1", passwordHash)).toBe(false);
    expect(await getSessionVersion(admin.id)).toBe(before! + 1);
  });
});
