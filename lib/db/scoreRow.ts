/** The score columns the customer list and the exports read raw, and their row shape. */
export const SCORE_FIELDS = ["customerId", "segmentKey", "responseProbability", "clv", "clvLow", "clvHigh", "pAlive"] as const;

export const SCORE_SELECT = SCORE_FIELDS.map((field) => `s."${field}"`).join(", ");

export interface ScoreValues {
  customerId: number;
  segmentKey: number;
  responseProbability: number | null;
  clv: number | null;
  clvLow: number | null;
  clvHigh: number | null;
  pAlive: number | null;
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
  };
}
