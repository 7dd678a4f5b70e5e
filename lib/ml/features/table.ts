/** Unscaled, named feature columns for persona tables (means per segment). */
import type { CustomerRecord } from "@/lib/data/customer";
import type { SummaryLookup } from "./cleaning";
import { ALL_FEATURES, checkFeatureNames, type FeatureName } from "./definitions";
import { unscaleFeatures, type FeaturePipeline } from "./pipeline";

export interface FeatureTable {
  rows: number;
  names: FeatureName[];
  columns: Record<FeatureName, Float64Array>;
}

/**
 * Cleaned (imputed, winsorised) but unscaled values: ages in years, spend in currency. With
 * `observedOnly`, values the data did not have are NaN rather than imputed; with `winsorised: false`
 * none is clipped to the training bounds (both for personas).
 */
export function buildFeatureTable(
  pipeline: FeaturePipeline,
  records: readonly CustomerRecord[],
  options: { features?: readonly FeatureName[]; summaries?: SummaryLookup; observedOnly?: boolean; winsorised?: boolean } = {},
): FeatureTable {
  const names = [...(options.features ?? ALL_FEATURES)];
  checkFeatureNames(names, "buildFeatureTable");
  const { full } = unscaleFeatures(pipeline, records, options.summaries, options.observedOnly, options.winsorised);
  return splitFeatureColumns(full, names);
}

/** Named columns of unscaleFeatures' row-major rows (records × ALL_FEATURES). */
export function splitFeatureColumns(full: Float64Array, names: readonly FeatureName[] = ALL_FEATURES): FeatureTable {
  const width = ALL_FEATURES.length;
  const rows = full.length / width;
  const columns: Record<FeatureName, Float64Array> = {};
  for (const name of names) {
    const c = (ALL_FEATURES as readonly string[]).indexOf(name);
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = full[i * width + c];
    columns[name] = column;
  }
  return { rows, names: [...names], columns };
}

export interface SegmentProfile {
  segment: number;
  size: number;
  means: Record<FeatureName, number>;
}

/** Mean of every column per segment label (labels are 0..k-1; empty segments get NaN means). */
export function computeSegmentMeans(table: FeatureTable, segments: ArrayLike<number>): SegmentProfile[] {
  if (segments.length !== table.rows) throw new Error(`computeSegmentMeans: ${segments.length} labels for ${table.rows} rows`);
  let k = 0;
  for (let i = 0; i < segments.length; i++) {
    if (!Number.isInteger(segments[i]) || segments[i] < 0) throw new Error(`computeSegmentMeans: bad label ${segments[i]} at row ${i}`);
    k = Math.max(k, segments[i] + 1);
  }
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < segments.length; i++) sizes[segments[i]]++;
  return sizes.map((size, segment) => {
    const means: Record<FeatureName, number> = {};
    for (const name of table.names) {
      const column = table.columns[name];
      let sum = 0;
      for (let i = 0; i < column.length; i++) if (segments[i] === segment) sum += column[i];
      means[name] = size > 0 ? sum / size : Number.NaN;
    }
    return { segment, size, means };
  });
}
