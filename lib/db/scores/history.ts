import "server-only";
import { db } from "../internal/client";

/** The customer's score in each finished run, newest first, with the segment's name in that run. */
export async function listCustomerRunScores(id: number) {
  const scores = await db.customerScore.findMany({
    // A run still writing its rows ahead of its final transaction (SQLite), or one that died doing so, has none yet;
    // one whose rows retention is removing (scoreRetention.ts) has some of them no longer.
    where: { customerId: id, run: { status: { in: ["SUCCEEDED", "REJECTED"] }, scoresRemovedAt: null } },
    orderBy: { runId: "desc" },
    include: { run: { select: { id: true, status: true, finishedAt: true } } },
  });
  const runIds = scores.map((score) => score.runId);
  const segments = runIds.length
    ? await db.segmentProfile.findMany({ where: { runId: { in: runIds } }, select: { runId: true, segmentKey: true, name: true, color: true } })
    : [];
  const segmentOf = new Map(segments.map((segment) => [`${segment.runId}:${segment.segmentKey}`, segment]));
  return scores.map((score) => ({ ...score, segment: segmentOf.get(`${score.runId}:${score.segmentKey}`) ?? null }));
}

export type CustomerRunScore = Awaited<ReturnType<typeof listCustomerRunScores>>[number];
