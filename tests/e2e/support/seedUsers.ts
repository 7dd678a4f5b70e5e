/** One user per role (and the lock-out account) in the database DATABASE_URL names. */
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/db/users";
import { E2E_USERS, LOCKOUT_USER } from "./users";

export async function seedUsers(): Promise<void> {
  for (const [role, user] of Object.entries(E2E_USERS)) {
    await createUser({
      email: user.email,
      name: `${role.toLowerCase()} e2e`,
      role: role as keyof typeof E2E_USERS,
      passwordHash: await hashPassword(user.password),
    });
  }
  await createUser({ email: LOCKOUT_USER.email, name: "lock-out e2e", role: "VIEWER", passwordHash: await hashPassword(LOCKOUT_USER.password) });
}
