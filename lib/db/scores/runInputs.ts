/**
 * What the next retrain reads of the active run's scores, per customer: the segment key (for
 * stability), and the CLV with the fingerprint of the customer's data it saw (for the promotion
 * gate). Read page by page, the CLV into typed arrays, so a million customers cost tens of
 * megabytes, not a million objects.
 */
import "server-only";
import { parseFingerprint } from "@/lib/data/inputFingerprint";
import type { ClvBefore } from "@/lib/ml/clvShift";
import { countRunScores, readRunScores } from "./scoreTable";

const PAGE = 50_000;

/** Every row of the run's scores as `columns`, ascending by customer id, a page at a time; the first column is the customer id. */
async function* runScorePages(runId: number, columns: readonly string[]): AsyncGenerator<unknown[][]> {
  const select = columns.map((column) => `s."${column}"`).join(", ");
  for (let cursor = -1; ;) {
    const page = await readRunScores(
      runId,
      (table) => `SELECT ${select} FROM ${table} s WHERE s."runId" = ? AND s."customerId" > ? ORDER BY s."customerId" LIMIT ${PAGE}`,
      [runId, cursor],
    );
    if (!page.length) return;
    yield page;
    cursor = page[page.length - 1][0] as number;
  }
}

/** Ascending by customer id; NaN where the run stored no CLV or no fingerprint. */
export async function getRunClvInputs(runId: number): Promise<ClvBefore> {
  const size = await countRunScores(runId);
  const result: ClvBefore = { customerIds: new Int32Array(size), clv: new Float64Array(size), inputHash: new Float64Array(size) };
  let filled = 0;
  for await (const page of runScorePages(runId, ["customerId", "clv", "inputHash"]))
    for (const row of page) {
      if (filled === size) break;
      result.customerIds[filled] = row[0] as number;
      result.clv[filled] = (row[1] as number | null) ?? Number.NaN;
      result.inputHash[filled] = parseFingerprint(row[2] as string | null);
      filled++;
    }
  // Rows deleted between the count and the pages (a customer removed meanwhile) leave the tail unused.
  return filled === size
    ? result
    : { customerIds: result.customerIds.slice(0, filled), clv: result.clv.slice(0, filled), inputHash: result.inputHash.slice(0, filled) };
}

/** Segment key of every customer scored by a run, for stability against the next one. */
export async function getRunSegmentKeys(runId: number): Promise<Map<number, number>> {
  const keys = new Map<number, number>();
  for await (const page of runScorePages(runId, ["customerId", "segmentKey"])) for (const row of page) keys.set(row[0] as number, row[1] as number);
  return keys;
}
