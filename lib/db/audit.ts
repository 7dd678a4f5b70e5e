import "server-only";
import type { Prisma } from "./client";
import { db } from "./client";

export async function recordAudit(entry: {
  userId: string | null;
  action: string;
  target?: string;
  details?: Prisma.InputJsonValue;
}): Promise<void> {
  await db.auditLog.create({ data: entry });
}

export async function listAudit(limit = 100) {
  return db.auditLog.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { user: { select: { email: true } } },
  });
}
