/**
 * Seeded subsets of a summary's customers, so that fits at 10⁵–10⁶ customers cost what a fit on
 * a fixed number does: the likelihood's cost grows with the customers, its precision barely
 * does past a few hundred thousand.
 */
import { createRng } from "@/lib/ml/random";
import type { RfmSummary } from "./rfmSummary";

/** At most `limit` of `rows` (ascending), drawn without replacement with `seed`; all of them when they fit. */
export function sampleRows(rows: Int32Array, limit: number, seed: number): Int32Array {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`sampleRows: limit must be a whole number >= 1, got ${limit}`);
  if (rows.length <= limit) return rows;
  const picked = Int32Array.from(createRng(seed).sample(rows.length, limit), (k) => rows[k]);
  return picked.sort();
}

/** The summary's rows at `rows`, monetary included when present. */
export function selectRows(summary: RfmSummary, rows: Int32Array): RfmSummary {
  const pick = (column: Float64Array) => Float64Array.from(rows, (row) => column[row]);
  const selected: RfmSummary = { frequency: pick(summary.frequency), recency: pick(summary.recency), T: pick(summary.T) };
  if (summary.monetary) selected.monetary = pick(summary.monetary);
  return selected;
}

export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
