/**
 * Campaign-response likelihood: logistic regression and an MLP compared by stratified
 * cross-validation, the higher mean CV ROC AUC kept as champion, Platt-calibrated on its
 * out-of-fold predictions, with metrics, a profit-maximising contact threshold and
 * permutation importance. Everything returned is plain data.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { RESPONSE_FEATURES, findResponseDataProblem, transformFeatures, type FeatureName, type SummaryLookup } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { applyPlatt, calibrateOutOfFold, type CalibrationReport, type PlattScaling } from "./calibration";
import { crossValidate, type ModelCrossValidation } from "./crossValidate";
import { evaluateResponse, type ResponseMetrics } from "./evaluation";
import { stratifiedFolds, stratifiedSample } from "./folds";
import type { ProfitThreshold } from "./gains";
import { permutationImportance, type FeatureImportance } from "./importance";
import { brierScore } from "./metrics";
import { fitFinalModels } from "./final";
import { createPredictor, RESPONSE_MODEL_KINDS, type FittedResponseModel, type LearnerOptions, type ResponseModelKind } from "./models";
import { noteChampionChoice, noteDataProblems, noteSample } from "./notes";
import { InsufficientDataError } from "./errors";

export { InsufficientDataError };
export type { ResponseModelKind, ResponseMetrics, CalibrationReport, FeatureImportance, ProfitThreshold };

export interface ResponseOptions extends LearnerOptions {
  snapshotDate: Date | string;
  seed?: number;
  folds?: number;
  features?: readonly FeatureName[];
  models?: readonly ResponseModelKind[];
  /** Defaults: the file's constant Z_CostContact / Z_Revenue when present, else 3 and 11. */
  costPerContact?: number;
  revenuePerResponse?: number;
  /**
   * Labelled customers cross-validated, calibrated and fitted on at most: above it a seeded
   * stratified sample (the response rate kept), since the models' quality levels off long
   * before their cost does. Every customer is still scored.
   */
  maxRows?: number;
  /** false skips permutation importance. */
  importance?: { repeats?: number; maxRowsPerFold?: number } | false;
  summaries?: SummaryLookup;
  onProgress?: (message: string) => void;
}

export interface TrainedResponseModel extends FittedResponseModel {
  /** Fitted on this model's out-of-fold predictions. */
  calibration: PlattScaling;
}

export type CrossValidationSummary = Omit<ModelCrossValidation, "oof" | "foldModels"> & { brier: number };

/** How many labelled customers the models were cross-validated and fitted on, of how many. */
export interface ResponseSample {
  rows: number;
  of: number;
  responders: number;
}

/**
 * Default cap on the labelled customers used for fitting (see ResponseOptions.maxRows): with
 * about 3,000 responders among them the CV AUC is measured to about ±0.01, and at 100,000
 * customers the response stage stays near 20 s of CPU.
 */
export const RESPONSE_SAMPLE_ROWS = 20_000;

export interface ResponseReport {
  champion: ResponseModelKind;
  /** null when every labelled customer was used. */
  sample: ResponseSample | null;
  /** The champion, refitted on all the (sampled) labelled customers. */
  models: Partial<Record<ResponseModelKind, TrainedResponseModel>>;
  cv: Partial<Record<ResponseModelKind, CrossValidationSummary>>;
  metrics: ResponseMetrics;
  calibration: CalibrationReport;
  threshold: ProfitThreshold;
  importance: FeatureImportance[] | null;
  notes: string[];
  timings: Record<string, number>;
}

export async function fitResponseModels(records: readonly CustomerRecord[], options: ResponseOptions): Promise<ResponseReport> {
  const started = performance.now();
  const { seed = 42, folds: k = 5, features = RESPONSE_FEATURES, models: kinds = RESPONSE_MODEL_KINDS } = options;
  const { maxRows = RESPONSE_SAMPLE_ROWS } = options;
  const problem = findResponseDataProblem(records);
  if (problem !== null) throw new InsufficientDataError("response", problem);
  if (kinds.length === 0) throw new Error("fitResponseModels: no models requested");
  const everyLabelled = records.filter((record) => record.response !== null);
  const rng = createRng(seed);
  // Drawn up front so that turning importance off does not change the models.
  const seeds = { folds: rng.seed(), cv: rng.seed(), importance: rng.seed(), final: rng.seed(), sample: rng.seed() };
  const kept = stratifiedSample(
    everyLabelled.map((record) => record.response!),
    maxRows,
    seeds.sample,
  );
  const labelled = kept.length === everyLabelled.length ? everyLabelled : kept.map((i) => everyLabelled[i]);
  const labels = Int32Array.from(labelled, (record) => record.response!);
  const sample = labelled === everyLabelled ? null : { rows: labelled.length, of: everyLabelled.length, responders: labels.reduce((a, b) => a + b, 0) };
  const folds = stratifiedFolds(labels, k, seeds.folds);
  const timings: Record<string, number> = {};
  const lap = (name: string, from: number) => (timings[name] = Math.round(performance.now() - from));

  let at = performance.now();
  const cvResults = await crossValidate(labelled, labels, { ...options, kinds, folds, features, seed: seeds.cv });
  lap("crossValidation", at);
  const cv: ResponseReport["cv"] = {};
  for (const kind of kinds) {
    const { oof, foldModels, ...summary } = cvResults[kind]!;
    cv[kind] = { ...summary, brier: brierScore(labels, oof) };
    timings[`cv_${kind}`] = Math.round(summary.milliseconds);
  }
  const champion = kinds.reduce((best, kind) => (cv[kind]!.meanAuc > cv[best]!.meanAuc ? kind : best), kinds[0]);

  at = performance.now();
  const calibrations = Object.fromEntries(kinds.map((kind) => [kind, calibrateOutOfFold(labels, cvResults[kind]!.oof, folds)]));
  const { report: calibration, crossFitted } = calibrations[champion];
  const deployed = applyPlatt(calibration.scaling, cvResults[champion]!.oof);
  const metrics = evaluateResponse(labels, crossFitted, deployed, campaignEconomics(labelled, options));
  lap("calibrationAndMetrics", at);

  at = performance.now();
  const importanceOptions = { ...options.importance, seed: seeds.importance, summaries: options.summaries };
  const importance =
    options.importance === false ? null : await permutationImportance(labelled, labels, folds, cvResults[champion]!.foldModels, importanceOptions);
  lap("importance", at);

  at = performance.now();
  // Only the champion is deployed, so only it is refitted: the others are known by their CV.
  const fitted = await fitFinalModels(labelled, labels, { ...options, kinds: [champion], features, seed: seeds.final }, timings);
  const trained: ResponseReport["models"] = { [champion]: { ...fitted[champion]!, calibration: calibrations[champion].report.scaling } };
  lap("finalFit", at);
  lap("total", started);

  const notes = [
    ...noteSample(sample),
    ...noteDataProblems(records, everyLabelled, trained[champion]!.pipeline),
    ...noteChampionChoice(cv, champion, calibration, metrics.profit),
  ];
  return { champion, sample, models: trained, cv, metrics, calibration, threshold: metrics.profit, importance, notes, timings };
}

/** The file's own contact cost and revenue when they are constant columns, else 3 and 11. */
function campaignEconomics(records: readonly CustomerRecord[], options: ResponseOptions): { costPerContact: number; revenuePerResponse: number } {
  const constant = (values: (number | null)[]): number | undefined => {
    const first = values[0];
    return first !== null && first !== undefined && values.every((v) => v === first) ? first : undefined;
  };
  return {
    costPerContact: options.costPerContact ?? constant(records.map((r) => r.zCostContact)) ?? 3,
    revenuePerResponse: options.revenuePerResponse ?? constant(records.map((r) => r.zRevenue)) ?? 11,
  };
}

export interface ResponsePredictor {
  /** Calibrated response probabilities, one per record. */
  predict(records: readonly CustomerRecord[], options?: { summaries?: SummaryLookup }): Float64Array;
}

/** A trained model (or a report's champion) ready to score many batches: plain TypeScript, synchronous. */
export function createResponsePredictor(model: TrainedResponseModel | ResponseReport): ResponsePredictor {
  const trained = "champion" in model ? model.models[model.champion] : model;
  if (!trained) throw new Error("predictResponse: the report has no fitted champion model");
  const predict = createPredictor(trained.parameters);
  return {
    predict(records, options = {}) {
      const { matrix, columns } = transformFeatures(trained.pipeline, records, options);
      return applyPlatt(trained.calibration, predict(matrix, columns));
    },
  };
}

/** Calibrated response probabilities from a trained model, or from a report's champion. */
export function predictResponse(
  model: TrainedResponseModel | ResponseReport,
  records: readonly CustomerRecord[],
  options: { summaries?: SummaryLookup } = {},
): Float64Array {
  return createResponsePredictor(model).predict(records, options);
}
