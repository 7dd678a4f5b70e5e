/**
 * Data shapes of the drift module. References and reports are plain JSON (no NaN, no typed
 * arrays) because they are stored in the database next to the model run they describe.
 */

/** A numeric feature; NaN marks a missing value. */
export interface NumericColumn {
  name: string;
  kind: "numeric";
  values: Float64Array;
}

/** A categorical feature; null marks a missing value. */
export interface CategoricalColumn {
  name: string;
  kind: "categorical";
  values: readonly (string | null)[];
}

export type DriftColumn = NumericColumn | CategoricalColumn;

export interface NumericReference {
  name: string;
  kind: "numeric";
  /** All rows, missing included. */
  rows: number;
  missing: number;
  /** Mean, population standard deviation, min and max of the present values (null when none is present). */
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /**
   * Right-closed cut points between PSI bins: bin i holds edges[i-1] < x ≤ edges[i], the first
   * and last bins are open-ended, so there are edges.length + 1 bins.
   */
  binEdges: number[];
  /** Share of all rows (missing included) in each bin; binShares plus missingShare sum to 1. */
  binShares: number[];
  missingShare: number;
  /**
   * Sorted sample standing in for the present values in Wasserstein and KS: every value when
   * there are at most `sketchSize` of them, else `sketchSize` evenly spaced order statistics.
   */
  sketch: number[];
}

export interface CategoricalReference {
  name: string;
  kind: "categorical";
  rows: number;
  missing: number;
  /** Categories in first-seen order with their share of all rows; plus missingShare they sum to 1. */
  categories: string[];
  shares: number[];
  missingShare: number;
}

export type FeatureReference = NumericReference | CategoricalReference;

export interface DriftReference {
  rows: number;
  bins: number;
  sketchSize: number;
  features: FeatureReference[];
}

export type Severity = "none" | "moderate" | "significant";

export interface FeatureDrift {
  name: string;
  kind: "numeric" | "categorical";
  psi: number;
  /** Numeric only: Wasserstein-1 divided by the reference sd; null when either side has no present value. */
  wasserstein?: number | null;
  ksStatistic?: number | null;
  ksPValue?: number | null;
  /** Categorical only: Jensen–Shannon distance (base 2) in [0, 1]. */
  jsDistance?: number;
  /** Categorical only: categories of the current data absent from the reference. */
  newCategories?: string[];
  severity: Severity;
  drifted: boolean;
}

export interface DriftReport {
  features: FeatureDrift[];
  driftedShare: number;
  datasetDrift: boolean;
  /** The share of drifted features at which the dataset counts as drifted. */
  threshold: number;
}
