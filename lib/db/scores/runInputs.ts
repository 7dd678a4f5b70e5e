/**
 * What the next retrain reads of the active run's scores, per customer: the segment key (for
 * stability), and the CLV with the fingerprint of the customer's data it saw (for the promotion
 * gate). Read page by page, the CLV into typed arrays, so a million customers cost tens of
 * megabytes, not a million objects.
 */
import "server-only";
import { parseFingerprint } from "@/lib/data/inputFingerprint";
import type { ClvBefore } from "@/lib/ml/clvShift";
import { db } from "../internal/client";

const PAGE = 50_000;

/** Ascending by customer id; NaN where the run stored no CLV or no fingerprint. */
export async function getRunClvInputs(runId: number): Promise<ClvBefore> {
  const total = await db.customerScore.count({ where: { runId } });
  const result: ClvBefore = { customerIds: new Int32Array(total), clv: new Float64Array(total), inputHash: new Float64Array(total) };
  let filled = 0;
  for (let cursor = -1; filled < total;) {
    const page = await db.customerScore.findMany({
      where: { runId, customerId: { gt: cursor } },
      orderBy: { customerId: "asc" },
      take: PAGE,
      select: { customerId: true, clv: true, inputHash: true },
    });
    if (!page.length) break;
    for (const row of page) {
      if (filled === total) break;
      result.customerIds[filled] = row.customerId;
      result.clv[filled] = row.clv ?? Number.NaN;
      result.inputHash[filled] = parseFingerprint(row.inputHash);
      filled++;
    }
    cursor = page[page.length - 1].customerId;
  }
  // Rows deleted between the count and the pages (a customer removed meanwhile) leave the tail unused.
  return filled === total
    ? result
    : { customerIds: result.customerIds.slice(0, filled), clv: result.clv.slice(0, filled), inputHash: result.inputHash.slice(0, filled) };
}

/** Segment key of every customer scored by a run, for stability against the next one. */
export async function getRunSegmentKeys(runId: number): Promise<Map<number, number>> {
  const keys = new Map<number, number>();
  for (let cursor = -1; ;) {
    const page = await db.customerScore.findMany({
      where: { runId, customerId: { gt: cursor } },
      orderBy: { customerId: "asc" },
      take: PAGE,
      select: { customerId: true, segmentKey: true },
    });
    if (!page.length) break;
    for (const row of page) keys.set(row.customerId, row.segmentKey);
    cursor = page[page.length - 1].customerId;
  }
  return keys;
}
