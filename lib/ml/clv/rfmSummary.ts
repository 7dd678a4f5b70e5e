/**
 * The per-customer summary every buy-till-you-die model reads, in columns: frequency x (repeat
 * purchases), recency t_x (time of the last purchase since the first), T (time from the first
 * purchase to the end of observation), optionally monetary (mean spend per repeat purchase).
 * Time is in any one unit (days, weeks) used consistently.
 */
export interface RfmSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary?: Float64Array;
}

export type SummaryField = "frequency" | "recency" | "T" | "monetary";

/** A summary that breaks the model's assumptions; `index` is the first offending customer (null: shape problem). */
export class SummaryValidationError extends Error {
  readonly index: number | null;
  readonly field: SummaryField;

  constructor(message: string, field: SummaryField, index: number | null) {
    super(message);
    this.name = "SummaryValidationError";
    this.field = field;
    this.index = index;
  }
}

/**
 * Throws SummaryValidationError at the first customer that is not a valid (x, t_x, T[, monetary]):
 * x a whole number >= 0, 0 <= t_x <= T, t_x = 0 exactly when x = 0, monetary finite.
 */
export function validateSummary(summary: RfmSummary): void {
  const { frequency, recency, T, monetary } = summary;
  const n = frequency.length;
  for (const [field, column] of [
    ["recency", recency],
    ["T", T],
    ["monetary", monetary],
  ] as const) {
    if (column !== undefined && column.length !== n) {
      throw new SummaryValidationError(`${field} has ${column.length} values but frequency has ${n}`, field, null);
    }
  }
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const age = T[i];
    const fail = (field: SummaryField, what: string) => {
      throw new SummaryValidationError(`customer at index ${i}: ${what}`, field, i);
    };
    if (!(Number.isInteger(x) && x >= 0)) fail("frequency", `frequency must be an integer >= 0, got ${x}`);
    if (!(Number.isFinite(age) && age >= 0)) fail("T", `T must be a finite number >= 0, got ${age}`);
    if (!(Number.isFinite(tx) && tx >= 0 && tx <= age)) fail("recency", `recency must lie in [0, T = ${age}], got ${tx}`);
    if (x === 0 && tx !== 0) fail("recency", `recency must be 0 when frequency is 0, got ${tx}`);
    // Repeat purchases come after the first; with t_x = 0 the BG/NBD likelihood is unbounded (α → 0).
    if (x > 0 && tx === 0) fail("recency", "recency must be > 0 when frequency is > 0");
    if (monetary !== undefined && !Number.isFinite(monetary[i])) fail("monetary", `monetary must be finite, got ${monetary[i]}`);
  }
}
