import "server-only";
import { db } from "../internal/client";

/** One page of a segment's customers in customer-id order; the cursor is the last id seen. */
export async function segmentCustomerPage(runId: number, segmentKey: number, cursor: number, limit: number) {
  const rows = await db.customerScore.findMany({
    where: { runId, segmentKey, customerId: { gt: cursor } },
    orderBy: { customerId: "asc" },
    take: limit,
    select: {
      customerId: true,
      responseProbability: true,
      responseNote: true,
      clv: true,
      clvSource: true,
      clvNote: true,
      pAlive: true,
      customer: { select: { externalId: true } },
    },
  });
  return { rows, nextCursor: rows.length === limit ? rows[rows.length - 1].customerId : null };
}
