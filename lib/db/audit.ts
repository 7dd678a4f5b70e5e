import "server-only";
import type { Prisma } from "./client";
import { db } from "./client";
import { readTargetUserId } from "@/lib/audit/entry";

export async function recordAudit(entry: {
  userId: string | null;
  action: string;
  target?: string;
  details?: Prisma.InputJsonValue;
}): Promise<void> {
  await db.auditLog.create({ data: entry });
}

/** The latest entries, newest first, with the e-mail of every user a target names (`emailOf`). */
export async function listAudit(limit = 100) {
  const entries = await db.auditLog.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { user: { select: { email: true, name: true } } },
  });
  const ids = [...new Set(entries.flatMap((entry) => readTargetUserId(entry.target) ?? []))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  return { entries, emailOf: new Map(users.map((user) => [user.id, user.email])) };
}
