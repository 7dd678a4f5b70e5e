/**
 * Changing passwords: a user their own (the current one required), an administrator another
 * user's, as a temporary one that user must replace at next sign-in. Both end the user's other
 * sessions (sessionVersion) and go to the audit log, never with the password.
 */
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { getPasswordHash, replacePassword, type PublicUser } from "@/lib/db/users";
import { hashPassword, newPasswordSchema, verifyPassword } from "./password";

/** What a password change tells the form; a server action returns it as its ActionState. */
export type PasswordChangeResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

export const ownPasswordChange = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one" });
export type OwnPasswordChange = z.infer<typeof ownPasswordChange>;

export const temporaryPassword = z.object({ userId: z.string().min(1), password: newPasswordSchema });
export type TemporaryPassword = z.infer<typeof temporaryPassword>;

export async function changeOwnPassword(input: OwnPasswordChange, user: PublicUser): Promise<PasswordChangeResult> {
  if (!(await verifyPassword(input.currentPassword, await getPasswordHash(user.id)))) {
    await recordAudit({ userId: user.id, action: "user.password.refused", target: `user:${user.id}` });
    return { ok: false, message: "Check the highlighted fields.", fieldErrors: { currentPassword: ["Wrong current password"] } };
  }
  await replacePassword(user.id, await hashPassword(input.newPassword), { temporary: false }, () => ({
    userId: user.id,
    action: "user.password.changed",
    target: `user:${user.id}`,
  }));
  return { ok: true, message: "Password changed." };
}

export async function setTemporaryPassword(input: TemporaryPassword, admin: PublicUser): Promise<PasswordChangeResult> {
  // Setting one's own would sign oneself out and demand a change at once: /account does it in one step.
  if (input.userId === admin.id) return { ok: false, message: "Change your own password under Account." };
  if ((await getPasswordHash(input.userId)) === null) return { ok: false, message: "No such user." };
  const user = await replacePassword(input.userId, await hashPassword(input.password), { temporary: true }, (user) => ({
    userId: admin.id,
    action: "user.password.reset",
    target: `user:${user.id}`,
    details: { email: user.email },
  }));
  return { ok: true, message: `Temporary password set for ${user.email}: they must change it when they next sign in.` };
}
