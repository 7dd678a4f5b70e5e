import "server-only";
import { db } from "./internal/client";
import { reapDeadRuns } from "./runLiveness";

/** The active run's segments in key order: what the API and its scoring name segments by. */
export async function listRunSegments(runId: number) {
  return db.segmentProfile.findMany({
    where: { runId },
    orderBy: { segmentKey: "asc" },
    select: { segmentKey: true, label: true, name: true, description: true, color: true, size: true, share: true, isNew: true },
  });
}

/** One page of a segment's customers in customer-id order; the cursor is the last id seen. */
export async function segmentCustomerPage(runId: number, segmentKey: number, cursor: number, limit: number) {
  const rows = await db.customerScore.findMany({
    where: { runId, segmentKey, customerId: { gt: cursor } },
    orderBy: { customerId: "asc" },
    take: limit,
    select: {
      customerId: true, responseProbability: true, responseNote: true, clv: true, clvSource: true, clvNote: true, pAlive: true,
      customer: { select: { externalId: true } },
    },
  });
  return { rows, nextCursor: rows.length === limit ? rows[rows.length - 1].customerId : null };
}

export async function listRunsForApi(limit = 100) {
  await reapDeadRuns();
  return db.modelRun.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, trigger: true, status: true, createdAt: true, finishedAt: true, snapshotCount: true, decision: true },
  });
}

export async function getRunForApi(id: number) {
  await reapDeadRuns();
  return db.modelRun.findUnique({
    where: { id },
    select: {
      id: true, trigger: true, status: true, createdAt: true, finishedAt: true, snapshotCount: true, decision: true,
      metrics: true, drift: true, stability: true, timings: true, error: true,
    },
  });
}
