/**
 * Recent imports as a person reads them: the same file refused again and again (fixing it
 * one problem at a time) is one row with a count, not a screenful of identical red rows.
 */

export interface HistoryBatch {
  kind: string;
  status: string;
  fileName: string;
  createdAt: Date;
}

/**
 * A batch, or the latest of a run of refused attempts at the same file, with how many there were and when the first was.
 * `attemptsAtLeast`: the run reaches past the batches given, so there may have been more.
 */
export type HistoryRow<B extends HistoryBatch> = B & { attempts: number; firstAttemptAt: Date; attemptsAtLeast: boolean };

function isRetryOf(row: HistoryBatch, batch: HistoryBatch): boolean {
  return row.status === "REJECTED" && batch.status === "REJECTED" && row.kind === batch.kind && row.fileName === batch.fileName;
}

/**
 * `batches` newest first; refused attempts of one file and kind with nothing else between them become one row.
 * `isWholeHistory`: false when `batches` is only the newest part, so a run at its end may go on.
 */
export function collapseRefusedAttempts<B extends HistoryBatch>(
  batches: readonly B[],
  options: { limit?: number; isWholeHistory?: boolean } = {},
): HistoryRow<B>[] {
  const { limit = Infinity, isWholeHistory = true } = options;
  const rows: HistoryRow<B>[] = [];
  for (const batch of batches) {
    const last = rows.at(-1);
    if (last && isRetryOf(last, batch)) {
      last.attempts += 1;
      last.firstAttemptAt = batch.createdAt;
      continue;
    }
    if (rows.length === limit) return rows;
    rows.push({ ...batch, attempts: 1, firstAttemptAt: batch.createdAt, attemptsAtLeast: false });
  }
  const last = rows.at(-1);
  if (last && !isWholeHistory && last.status === "REJECTED") last.attemptsAtLeast = true;
  return rows;
}
