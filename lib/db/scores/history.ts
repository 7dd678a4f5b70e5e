import "server-only";
import { db } from "../internal/client";
import { readScoreRows } from "./rows";

/** The customer's score in each finished run, newest first, with the segment's name in that run. */
export async function listCustomerRunScores(id: number) {
  // A run still writing its rows ahead of its final transaction (SQLite), or one that died doing so, has none yet;
  // one whose rows retention is removing (scoreRetention.ts) has some of them no longer.
  const runs = await db.modelRun.findMany({
    where: { status: { in: ["SUCCEEDED", "REJECTED"] }, scoresRemovedAt: null },
    orderBy: { id: "desc" },
    select: { id: true, status: true, finishedAt: true },
  });
  // Each run's scores may be a table of their own (scoreTable.ts): one lookup by customer per run, of the few retention keeps.
  const scores = [];
  for (const run of runs) {
    const [row] = await readScoreRows(run.id, { sql: `s."customerId" = ?`, params: [id] });
    if (row) scores.push({ ...row, runId: run.id, run });
  }
  const runIds = scores.map((score) => score.runId);
  const segments = runIds.length
    ? await db.segmentProfile.findMany({ where: { runId: { in: runIds } }, select: { runId: true, segmentKey: true, name: true, color: true } })
    : [];
  const segmentOf = new Map(segments.map((segment) => [`${segment.runId}:${segment.segmentKey}`, segment]));
  return scores.map((score) => ({ ...score, segment: segmentOf.get(`${score.runId}:${score.segmentKey}`) ?? null }));
}

export type CustomerRunScore = Awaited<ReturnType<typeof listCustomerRunScores>>[number];
