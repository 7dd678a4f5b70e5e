/**
 * The fitted feature pipeline: cleaning (imputation, winsorisation), derived features, RFM
 * quintile edges and a standard scaler, all learned on the training records only and kept as
 * plain JSON data so the pipeline is stored with the model that uses it.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { keptPerObject } from "@/lib/ml/keptPerObject";
import {
  CLEAN_WIDTH,
  INPUT,
  INPUTS,
  TOTAL_PURCHASES,
  TOTAL_SPEND,
  cleanRow,
  fitCleaning,
  prepareCleaning,
  readInputs,
  type CleaningParams,
  type SummaryLookup,
} from "./cleaning";
import { ALL_FEATURES, checkFeatureNames, type FeatureName } from "./definitions";
import { writeFeatureVector } from "./derive";
import { listObservedFeatures } from "./provenance";
import { fitRfmEdges, type RfmEdges } from "./rfm";

export interface FeaturePipelineOptions {
  /** The date ages, tenures and recencies are measured at. */
  snapshotDate: Date | string;
  /** Recorded for provenance only: fitting draws no random numbers. */
  seed?: number;
  /** The columns of the matrix, in order (default: every feature). */
  features?: readonly FeatureName[];
  /** Order-line summaries by externalId, for customers without profile columns. */
  summaries?: SummaryLookup;
}

export interface FeaturePipeline {
  version: 1;
  snapshotDate: string;
  seed: number | null;
  features: FeatureName[];
  cleaning: CleaningParams;
  rfm: RfmEdges;
  scaler: { mean: number[]; std: number[] };
  /** Smallest and largest unscaled training value per feature, to refuse extrapolation; absent in older runs. */
  range?: { min: number[]; max: number[] };
  fit: { rows: number; excluded: { externalId: string; reason: string }[] };
}

export interface FeatureMatrix {
  /** Row-major rows × columns, scaled. */
  matrix: Float64Array;
  names: FeatureName[];
  rows: number;
  columns: number;
  /** Rows (indices into the input) with an impossible birth year: their age is the training median age. */
  rowsExcludedFromFit: number[];
}

const WIDTH = ALL_FEATURES.length;

function parseSnapshot(value: Date | string, where: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${where}: invalid snapshotDate ${String(value)}`);
  return date;
}

export function fitFeaturePipeline(records: readonly CustomerRecord[], options: FeaturePipelineOptions): FeaturePipeline {
  const snapshot = parseSnapshot(options.snapshotDate, "fitFeaturePipeline");
  const features = [...(options.features ?? ALL_FEATURES)];
  checkFeatureNames(features, "fitFeaturePipeline");
  const raw = new Float64Array(records.length * INPUTS.length);
  const scratch = new Float64Array(INPUTS.length);
  const facts = records.map((record, i) => {
    const rowFacts = readInputs(record, snapshot, options.summaries?.get(record.externalId), scratch);
    raw.set(scratch, i * INPUTS.length);
    return rowFacts;
  });
  const fitRows = [...records.keys()].filter((i) => !facts[i].impossibleAge);
  if (fitRows.length === 0) throw new Error(`fitFeaturePipeline: no usable records (${records.length} given)`);
  const excluded = records
    .filter((_, i) => facts[i].impossibleAge)
    .map((record) => ({ externalId: record.externalId, reason: `impossible birth year ${record.yearBirth}` }));
  const cleaning = fitCleaning(raw, fitRows);
  const prepared = prepareCleaning(cleaning);
  const clean = new Float64Array(fitRows.length * CLEAN_WIDTH);
  fitRows.forEach((row, j) => {
    const out = clean.subarray(j * CLEAN_WIDTH, (j + 1) * CLEAN_WIDTH);
    cleanRow(prepared, raw.subarray(row * INPUTS.length, (row + 1) * INPUTS.length), facts[row], out);
  });
  const column = (c: number) => Array.from({ length: fitRows.length }, (_, j) => clean[j * CLEAN_WIDTH + c]);
  const rfm = fitRfmEdges(column(INPUT.recency), column(TOTAL_PURCHASES), column(TOTAL_SPEND));
  const full = new Float64Array(fitRows.length * WIDTH);
  fitRows.forEach((row, j) => writeFeatureVector(clean.subarray(j * CLEAN_WIDTH, (j + 1) * CLEAN_WIDTH), facts[row], rfm, full, j * WIDTH));
  const scaler = fitScaler(full, fitRows.length, features.map(findColumn));
  const range = fitRange(full, fitRows.length, features.map(findColumn));
  return {
    version: 1,
    snapshotDate: snapshot.toISOString(),
    seed: options.seed ?? null,
    features,
    cleaning,
    rfm,
    scaler,
    range,
    fit: { rows: fitRows.length, excluded },
  };
}

function findColumn(name: FeatureName): number {
  return (ALL_FEATURES as readonly string[]).indexOf(name);
}

/** Mean and population standard deviation per column; a constant column gets std 1 so it scales to 0. */
function fitScaler(full: Float64Array, rows: number, columns: number[]): FeaturePipeline["scaler"] {
  const mean = columns.map((c) => {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += full[i * WIDTH + c];
    return sum / rows;
  });
  const std = columns.map((c, j) => {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += (full[i * WIDTH + c] - mean[j]) ** 2;
    const sd = Math.sqrt(sum / rows);
    return sd > 1e-12 ? sd : 1;
  });
  return { mean, std };
}

function fitRange(full: Float64Array, rows: number, columns: number[]): NonNullable<FeaturePipeline["range"]> {
  const min = columns.map(() => Infinity);
  const max = columns.map(() => -Infinity);
  columns.forEach((c, j) => {
    for (let i = 0; i < rows; i++) {
      min[j] = Math.min(min[j], full[i * WIDTH + c]);
      max[j] = Math.max(max[j], full[i * WIDTH + c]);
    }
  });
  return { min, max };
}

/**
 * Every feature, unscaled, for each record (row-major records × ALL_FEATURES). With
 * `observedOnly`, a feature whose inputs were not in the data is NaN instead of imputed.
 * Without `winsorised`, values are the customers' own, not clipped to the training bounds:
 * personas quote those means beside the dashboards' averages of the stored fields, and the two
 * must be the same number.
 */
export function unscaleFeatures(
  pipeline: FeaturePipeline,
  records: readonly CustomerRecord[],
  summaries?: SummaryLookup,
  observedOnly = false,
  winsorised = true,
): { full: Float64Array; impossibleAgeRows: number[] } {
  const snapshot = parseSnapshot(pipeline.snapshotDate, "transformFeatures");
  const full = new Float64Array(records.length * WIDTH);
  const impossibleAgeRows: number[] = [];
  const prepared = keptCleaning(pipeline.cleaning, winsorised);
  const raw = new Float64Array(INPUTS.length);
  const clean = new Float64Array(CLEAN_WIDTH);
  const observed = new Uint8Array(WIDTH);
  records.forEach((record, i) => {
    const facts = readInputs(record, snapshot, summaries?.get(record.externalId), raw);
    if (facts.impossibleAge) impossibleAgeRows.push(i);
    cleanRow(prepared, raw, facts, clean);
    writeFeatureVector(clean, facts, pipeline.rfm, full, i * WIDTH);
    if (!observedOnly) return;
    listObservedFeatures(raw, facts, observed);
    for (let f = 0; f < WIDTH; f++) if (observed[f] === 0) full[i * WIDTH + f] = Number.NaN;
  });
  return { full, impossibleAgeRows };
}

/** Prepared cleanings by fitted parameters, winsorised or not: the scoring API transforms one customer at a time, and preparing cost as much as cleaning. */
const keptCleaning = keptPerObject((cleaning: CleaningParams, winsorised: boolean) => prepareCleaning(winsorised ? cleaning : { ...cleaning, bounds: {} }));

export function transformFeatures(pipeline: FeaturePipeline, records: readonly CustomerRecord[], options: { summaries?: SummaryLookup } = {}): FeatureMatrix {
  return scaleFeatures(pipeline, unscaleFeatures(pipeline, records, options.summaries));
}

/** The pipeline's features of unscaleFeatures' rows, scaled as fitted. */
export function scaleFeatures(pipeline: FeaturePipeline, { full, impossibleAgeRows }: ReturnType<typeof unscaleFeatures>): FeatureMatrix {
  const rows = full.length / WIDTH;
  const columns = pipeline.features.map(findColumn);
  const d = columns.length;
  const matrix = new Float64Array(rows * d);
  const { mean, std } = pipeline.scaler;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) matrix[i * d + j] = (full[i * WIDTH + columns[j]] - mean[j]) / std[j];
  }
  return { matrix, names: [...pipeline.features], rows, columns: d, rowsExcludedFromFit: impossibleAgeRows };
}
