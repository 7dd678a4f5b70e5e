/** What an upsert did to its rows: each row is counted once. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}
