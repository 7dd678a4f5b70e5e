/**
 * Segment sizes, feature means and z-scores against everyone: z = (segment mean − overall
 * mean) / overall standard deviation, the population (divide-by-n) deviation over all
 * customers. Missing values (NaN) are left out of every mean, so a CLV column that only some
 * customers have still profiles them; but a feature most of a segment lacks (under
 * MIN_COVERAGE) gets no z-score, so it can make no trait, name or action.
 */
import { findConcept, type PersonaConcept } from "./vocabulary";

/** Share of a segment's members that must have a feature for it to describe the segment. */
export const MIN_COVERAGE = 0.8;

export interface FeatureColumn {
  name: string;
  values: Float64Array;
}

export interface FeatureStatistic {
  name: string;
  concept: PersonaConcept | null;
  /** Mean in the segment; null when no member has a value. */
  mean: number | null;
  overallMean: number | null;
  overallStd: number | null;
  /** Share of the segment's members with a value (1 for an empty segment). */
  coverage: number;
  /** 0 when the feature does not vary; null when either mean is missing or coverage is under MIN_COVERAGE. */
  z: number | null;
}

export interface SegmentStatistics {
  id: number;
  size: number;
  /** size / all customers. */
  share: number;
  features: FeatureStatistic[];
}

export function checkPersonaInput(labels: Int32Array, columns: readonly FeatureColumn[], k: number | undefined, where: string): number {
  if (!(labels instanceof Int32Array)) throw new Error(`${where}: labels must be an Int32Array`);
  if (labels.length === 0) throw new Error(`${where}: no customers`);
  let largest = -1;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) throw new Error(`${where}: label ${labels[i]} at row ${i} is negative`);
    largest = Math.max(largest, labels[i]);
  }
  const segments = k ?? largest + 1;
  if (!Number.isInteger(segments) || segments <= largest) throw new Error(`${where}: k = ${k} but labels go up to ${largest}`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) throw new Error(`${where}: feature "${column.name}" appears twice`);
    seen.add(column.name);
    if (!(column.values instanceof Float64Array)) throw new Error(`${where}: feature "${column.name}" must be a Float64Array`);
    if (column.values.length !== labels.length)
      throw new Error(`${where}: feature "${column.name}" has ${column.values.length} values for ${labels.length} labels`);
    const infinite = column.values.findIndex((value) => value === Infinity || value === -Infinity);
    if (infinite >= 0) throw new Error(`${where}: feature "${column.name}" is infinite at row ${infinite} (use NaN for missing)`);
  }
  return segments;
}

export function computeSegmentStatistics(labels: Int32Array, columns: readonly FeatureColumn[], k: number): SegmentStatistics[] {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  const perColumn = columns.map((column) => columnStatistics(column, labels, k));
  return sizes.map((size, id) => ({
    id,
    size,
    share: size / labels.length,
    features: columns.map((column, c) => {
      const { overallMean, overallStd, means, counts } = perColumn[c];
      const mean = means[id];
      const coverage = size > 0 ? counts[id] / size : 1;
      const z =
        mean === null || overallMean === null || overallStd === null || coverage < MIN_COVERAGE
          ? null
          : overallStd === 0
            ? 0
            : (mean - overallMean) / overallStd;
      return { name: column.name, concept: findConcept(column.name), mean, overallMean, overallStd, coverage, z };
    }),
  }));
}

function columnStatistics(column: FeatureColumn, labels: Int32Array, k: number) {
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  let total = 0;
  let count = 0;
  column.values.forEach((value, i) => {
    if (Number.isNaN(value)) return;
    sums[labels[i]] += value;
    counts[labels[i]]++;
    total += value;
    count++;
  });
  const overallMean = count > 0 ? total / count : null;
  let squares = 0;
  if (overallMean !== null) for (const value of column.values) if (!Number.isNaN(value)) squares += (value - overallMean) ** 2;
  return {
    overallMean,
    overallStd: overallMean === null ? null : Math.sqrt(squares / count),
    means: Array.from(sums, (sum, id) => (counts[id] > 0 ? sum / counts[id] : null)),
    counts,
  };
}
