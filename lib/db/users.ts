import "server-only";
import type { Role } from "@/lib/auth/roles";
import { db } from "./client";

export const publicUserFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
} as const;

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
};

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function getUser(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: publicUserFields });
}

export async function listUsers(): Promise<PublicUser[]> {
  return db.user.findMany({ select: publicUserFields, orderBy: { createdAt: "asc" } });
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}): Promise<PublicUser> {
  return db.user.create({ data: { ...input, email: input.email.toLowerCase() }, select: publicUserFields });
}

export async function updateUser(id: string, changes: { role?: Role; disabled?: boolean }): Promise<PublicUser> {
  return db.user.update({ where: { id }, data: changes, select: publicUserFields });
}

/** Active admins other than `exceptId`: the last one may not be demoted or disabled. */
export async function countOtherActiveAdmins(exceptId: string): Promise<number> {
  return db.user.count({ where: { role: "ADMIN", disabled: false, NOT: { id: exceptId } } });
}
