/** The score columns the customer list and the exports read raw, and their row shape. */
export const SCORE_FIELDS = [
  "customerId", "segmentKey", "responseProbability", "clv", "clvLow", "clvHigh", "pAlive", "responseNote", "clvSource", "clvNote",
] as const;

export const SCORE_SELECT = SCORE_FIELDS.map((field) => `s."${field}"`).join(", ");

export interface ScoreValues {
  customerId: number;
  segmentKey: number;
  responseProbability: number | null;
  clv: number | null;
  clvLow: number | null;
  clvHigh: number | null;
  pAlive: number | null;
  /** Why there is no response probability; null when there is one (and in runs stored before notes). */
  responseNote: string | null;
  /** "orders" or "profiles"; null without CLV. */
  clvSource: string | null;
  /** Why there is no CLV; null when there is one. */
  clvNote: string | null;
}

/** The score fields of a raw row whose first columns are SCORE_SELECT (written out: exports call it per row). */
export function scoreValues(row: unknown[]): ScoreValues {
  return {
    customerId: row[0] as number,
    segmentKey: row[1] as number,
    responseProbability: row[2] as number | null,
    clv: row[3] as number | null,
    clvLow: row[4] as number | null,
    clvHigh: row[5] as number | null,
    pAlive: row[6] as number | null,
    responseNote: row[7] as string | null,
    clvSource: row[8] as string | null,
    clvNote: row[9] as string | null,
  };
}
