/**
 * Who is asking, checked on the server on every request. The JWT says who signed in; the
 * database says whether that user still exists, is enabled, and what role they have now,
 * so disabling a user or changing a role takes effect at once, not when the token expires, and
 * whether the token's session version is still the user's (sign-out raises it).
 */
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getSessionUser, type PublicUser } from "@/lib/db/users";
import { authOptions } from "./options";
import { can, type Permission } from "./roles";

export const CHANGE_PASSWORD_PATH = "/account/password";

export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const found = await getSessionUser(session.user.id);
  if (!found) return null;
  const { sessionVersion, ...user } = found;
  return !user.disabled && sessionVersion === session.user.sessionVersion ? user : null;
});

/**
 * For pages: redirect anonymous visitors to sign-in, users with a temporary password to change
 * it, and answer 403 to those without the permission.
 */
export async function requirePagePermission(permission: Permission): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!can(user.role, permission)) forbidden();
  return user;
}
