/**
 * Reference statistics of a training snapshot: everything a later drift check needs, computed
 * once (one sort per numeric column) and stored, so old data is never read again.
 */
import { binCounts, quantileBinEdges } from "./binning";
import { checkColumns, sortedPresent } from "./columns";
import { sortedSketch } from "./sample";
import type { CategoricalColumn, CategoricalReference, DriftColumn, DriftReference, NumericColumn, NumericReference } from "./types";

export interface ReferenceOptions {
  /** Quantile bins for PSI (10 = deciles). */
  bins?: number;
  /** Size of the sorted sample kept for Wasserstein and KS; see sample.ts for the error it implies. */
  sketchSize?: number;
}

export const REFERENCE_DEFAULTS = { bins: 10, sketchSize: 1000 } as const;

function checkCount(value: number, least: number, what: string): void {
  if (!Number.isInteger(value) || value < least) throw new Error(`referenceStats: ${what} = ${value} must be an integer ≥ ${least}`);
}

export function buildNumericReference(column: NumericColumn, bins: number, sketchSize: number): NumericReference {
  const rows = column.values.length;
  const sorted = sortedPresent(column.values, `reference column "${column.name}"`);
  const missing = rows - sorted.length;
  const binEdges = quantileBinEdges(sorted, bins);
  const binShares = binCounts(sorted, binEdges).map((count) => count / rows);
  if (sorted.length === 0) {
    return { name: column.name, kind: "numeric", rows, missing, mean: null, sd: null, min: null, max: null, binEdges, binShares, missingShare: 1, sketch: [] };
  }
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  const mean = sum / sorted.length;
  // Second loop over the sorted copy rather than Σx² − n·mean², which cancels badly for large values.
  let squares = 0;
  for (let i = 0; i < sorted.length; i++) squares += (sorted[i] - mean) ** 2;
  return {
    name: column.name,
    kind: "numeric",
    rows,
    missing,
    mean,
    sd: Math.sqrt(squares / sorted.length),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    binEdges,
    binShares,
    missingShare: missing / rows,
    sketch: sortedSketch(sorted, sketchSize),
  };
}

/** Category counts in first-seen order, plus the number of nulls. */
export function countCategories(values: readonly (string | null)[], where: string): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) missing++;
    else if (typeof value !== "string") throw new Error(`${where}: value ${String(value)} at row ${i} is not a string or null`);
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { counts, missing };
}

export function buildCategoricalReference(column: CategoricalColumn): CategoricalReference {
  const rows = column.values.length;
  const { counts, missing } = countCategories(column.values, `reference column "${column.name}"`);
  return {
    name: column.name,
    kind: "categorical",
    rows,
    missing,
    categories: [...counts.keys()],
    shares: [...counts.values()].map((count) => count / rows),
    missingShare: missing / rows,
  };
}

export function computeReferenceStats(columns: readonly DriftColumn[], options: ReferenceOptions = {}): DriftReference {
  const { bins, sketchSize } = { ...REFERENCE_DEFAULTS, ...options };
  checkCount(bins, 2, "bins");
  checkCount(sketchSize, 2, "sketchSize");
  checkColumns(columns, "referenceStats");
  return {
    rows: columns[0].values.length,
    bins,
    sketchSize,
    features: columns.map((column) => (column.kind === "numeric" ? buildNumericReference(column, bins, sketchSize) : buildCategoricalReference(column))),
  };
}
