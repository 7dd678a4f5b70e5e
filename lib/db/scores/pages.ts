import "server-only";
import { readRunScores } from "./scoreTable";

export interface SegmentCustomerRow {
  customerId: number;
  externalId: string;
  responseProbability: number | null;
  responseNote: string | null;
  clv: number | null;
  clvSource: string | null;
  clvNote: string | null;
  pAlive: number | null;
}

/** One page of a segment's customers in customer-id order; the cursor is the last id seen. */
export async function segmentCustomerPage(runId: number, segmentKey: number, cursor: number, limit: number) {
  const raw = await readRunScores(
    runId,
    (table) =>
      `SELECT s."customerId", c."externalId", s."responseProbability", s."responseNote", s."clv", s."clvSource", s."clvNote", s."pAlive"
       FROM ${table} s JOIN "Customer" c ON c."id" = s."customerId"
       WHERE s."runId" = ? AND s."segmentKey" = ? AND s."customerId" > ? ORDER BY s."customerId" LIMIT ?`,
    [runId, segmentKey, cursor, limit],
  );
  const rows = raw.map(
    ([customerId, externalId, responseProbability, responseNote, clv, clvSource, clvNote, pAlive]) =>
      ({ customerId, externalId, responseProbability, responseNote, clv, clvSource, clvNote, pAlive }) as SegmentCustomerRow,
  );
  return { rows, nextCursor: rows.length === limit ? rows[rows.length - 1].customerId : null };
}
