"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorizedAction";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { setTemporaryPassword, temporaryPassword } from "@/lib/auth/accountPasswords";
import { ROLES } from "@/lib/auth/roles";
import { liftLock } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/db/audit";
import { countOtherActiveAdmins, createUser, findUserByEmail, updateUser } from "@/lib/db/users";

const newUser = z.object({
  email: z.email("Enter a valid email address").transform((value) => value.toLowerCase()),
  name: z.string().trim().min(1, "Enter a name").max(100),
  role: z.enum(ROLES),
  password: newPasswordSchema,
});

const userChange = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES).optional(),
  disabled: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
});

export const createUserAction = authorizedAction("manageUsers", newUser, async (input, admin) => {
  if (await findUserByEmail(input.email)) {
    return { ok: false, fieldErrors: { email: ["A user with this email exists"] } };
  }
  const { password, ...rest } = input;
  const user = await createUser({ ...rest, passwordHash: await hashPassword(password) }, (user) => ({
    userId: admin.id,
    action: "user.created",
    target: `user:${user.id}`,
    details: { email: user.email, role: user.role },
  }));
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${user.email}.` };
});

export const updateUserAction = authorizedAction("manageUsers", userChange, async (input, admin) => {
  const demotesOrDisables = (input.role && input.role !== "ADMIN") || input.disabled === true;
  if (demotesOrDisables && input.userId === admin.id && (await countOtherActiveAdmins(admin.id)) === 0) {
    return { ok: false, message: "You are the last active administrator: make another one first." };
  }
  const user = await updateUser(input.userId, { role: input.role, disabled: input.disabled }, (user) => ({
    userId: admin.id,
    action: "user.updated",
    target: `user:${user.id}`,
    details: { role: input.role ?? null, disabled: input.disabled ?? null },
  }));
  revalidatePath("/admin/users");
  return { ok: true, message: `Updated ${user.email}.` };
});

export const liftSignInLockAction = authorizedAction("manageUsers", z.object({ key: z.string().min(1).max(500) }), async ({ key }, admin) => {
  if (!(await liftLock(key))) return { ok: false, message: "That lock has already ended." };
  await recordAudit({ userId: admin.id, action: "signin.unlocked", target: key });
  revalidatePath("/admin/users");
  return { ok: true, message: "Lock lifted." };
});

export const setTemporaryPasswordAction = authorizedAction("manageUsers", temporaryPassword, async (input, admin) => {
  const result = await setTemporaryPassword(input, admin);
  if (result.ok) revalidatePath("/admin/users");
  return result;
});
