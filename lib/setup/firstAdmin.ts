/**
 * The first administrator, created on an empty database from ADMIN_EMAIL / ADMIN_PASSWORD,
 * or with a random password that is printed once and stored nowhere but as a hash.
 */
import { hashPassword, randomPassword } from "@/lib/auth/password";
import { countUsers, createUser } from "@/lib/db/users";
import { env } from "@/lib/env";

export type FirstAdmin = { created: true; email: string; password: string; generated: boolean } | { created: false };

export const DEFAULT_ADMIN_EMAIL = "admin@example.com";

export async function ensureFirstAdmin(): Promise<FirstAdmin> {
  if ((await countUsers()) > 0) return { created: false };
  const email = env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const generated = !env.ADMIN_PASSWORD;
  const password = env.ADMIN_PASSWORD ?? randomPassword();
  await createUser({ email, name: "Administrator", role: "ADMIN", passwordHash: await hashPassword(password) }, (admin) => ({
    userId: admin.id,
    action: "user.created",
    target: `user:${admin.id}`,
    details: { firstAdmin: true },
  }));
  return { created: true, email, password, generated };
}

export function describeFirstAdmin(result: FirstAdmin): string {
  if (!result.created) return "Users exist already; no admin created.";
  const secret = result.generated ? `password ${result.password}  (generated; shown only this once — note it now)` : "the password from ADMIN_PASSWORD";
  return `Created the first administrator: ${result.email} with ${secret}.`;
}
