import "server-only";
import { withAudit, type AuditOf } from "./audit";
import { db, type Role } from "./internal/client";

export const publicUserFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  createdAt: true,
} as const;

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Signed in with a temporary password an administrator set: must choose their own first. */
  mustChangePassword: boolean;
  createdAt: Date;
};

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function listUsers(): Promise<PublicUser[]> {
  return db.user.findMany({ select: publicUserFields, orderBy: { createdAt: "asc" } });
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export async function createUser(
  input: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
  },
  auditOf?: AuditOf<PublicUser>,
): Promise<PublicUser> {
  return withAudit((tx) => tx.user.create({ data: { ...input, email: input.email.toLowerCase() }, select: publicUserFields }), auditOf);
}

/** Disabling also ends the user's sessions (see sessionVersion). */
export async function updateUser(id: string, changes: { role?: Role; disabled?: boolean }, auditOf?: AuditOf<PublicUser>): Promise<PublicUser> {
  const endSessions = changes.disabled === true ? { sessionVersion: { increment: 1 } } : {};
  return withAudit((tx) => tx.user.update({ where: { id }, data: { ...changes, ...endSessions }, select: publicUserFields }), auditOf);
}

/**
 * Replaces a user's password and ends their sessions. `temporary`: an administrator's, which the
 * user must change at next sign-in; otherwise the user's own choice, which clears that demand.
 */
export async function replacePassword(
  id: string,
  passwordHash: string,
  { temporary }: { temporary: boolean },
  auditOf?: AuditOf<PublicUser>,
): Promise<PublicUser> {
  return withAudit(
    (tx) =>
      tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: temporary, sessionVersion: { increment: 1 } }, select: publicUserFields }),
    auditOf,
  );
}

export async function getPasswordHash(id: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
}

/** The user a session names, with the session version its token must carry. */
export async function getSessionUser(id: string): Promise<(PublicUser & { sessionVersion: number }) | null> {
  return db.user.findUnique({ where: { id }, select: { ...publicUserFields, sessionVersion: true } });
}

export async function getSessionVersion(id: string): Promise<number | null> {
  return (await db.user.findUnique({ where: { id }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
}

/**
 * Ends every session signed with `version`: tokens carrying it no longer match. Only when it is
 * still current, so replaying an old token's sign-out cannot end a newer session.
 */
export async function endSessions(id: string, version: number): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id, sessionVersion: version }, data: { sessionVersion: { increment: 1 } } });
  return count === 1;
}

/** Active admins other than `exceptId`: the last one may not be demoted or disabled. */
export async function countOtherActiveAdmins(exceptId: string): Promise<number> {
  return db.user.count({ where: { role: "ADMIN", disabled: false, NOT: { id: exceptId } } });
}
