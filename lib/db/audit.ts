/**
 * The audit log. An entry is written in the same transaction as the change it records:
 * writeAudit with that transaction's client, or a writer's `audit` argument (withAudit).
 * recordAudit is for events that change no row of ours (sign-ins, refusals, a skipped retrain).
 */
import "server-only";
import { readTargetUserId } from "@/lib/audit/entry";
import { db, type Prisma } from "./internal/client";

export interface AuditEntry {
  userId: string | null;
  action: string;
  target?: string;
  details?: Prisma.InputJsonValue;
}

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await writeAudit(db, entry);
}

/** A writer's audit entry, made from what it wrote; null when nothing changed, so there is nothing to record. */
export type AuditOf<T> = (written: T) => AuditEntry | null;

/** Runs `change`, and with `auditOf` writes its audit entry in the same transaction. */
export async function withAudit<T>(change: (tx: Prisma.TransactionClient) => Promise<T>, auditOf?: AuditOf<T>): Promise<T> {
  if (!auditOf) return change(db);
  return db.$transaction(async (tx) => {
    const written = await change(tx);
    const entry = auditOf(written);
    if (entry) await writeAudit(tx, entry);
    return written;
  });
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
