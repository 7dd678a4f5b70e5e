/**
 * Stratified k-fold cross-validation of the response learners. The feature pipeline
 * (imputation, winsorisation, scaling) is fitted on each fold's training part only, and
 * both learners see the same folds, so their AUCs are comparable fold by fold.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { fitFeaturePipeline, transformFeatures, type FeatureName, type SummaryLookup } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { rocAuc } from "./metrics";
import { fitLearnersInLanes } from "./learnerLanes";
import { createScorer, type FittedResponseModel, type LearnerOptions, type ResponseModelKind } from "./models";

export interface CrossValidationOptions extends LearnerOptions {
  kinds: readonly ResponseModelKind[];
  /** Fold (0..k-1) of every record, e.g. from stratifiedFolds. */
  folds: Int32Array;
  snapshotDate: Date | string;
  features: readonly FeatureName[];
  seed: number;
  summaries?: SummaryLookup;
  onProgress?: (message: string) => void;
  /** A worker thread fitting folds beside this one: "auto" (default) starts one when the MLP folds are large enough to pay for it; 0 none. */
  workers?: "auto" | 0 | 1;
}

export interface ModelCrossValidation {
  kind: ResponseModelKind;
  foldAucs: number[];
  meanAuc: number;
  stdAuc: number;
  /** AUC of all out-of-fold predictions pooled. */
  pooledAuc: number;
  /** Out-of-fold probability of every record (uncalibrated). */
  oof: Float64Array;
  /** The model fitted on each fold's training part, for permutation importance. */
  foldModels: FittedResponseModel[];
  /** Fitting and scoring this learner over all folds (the shared feature work is not included). */
  milliseconds: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: number[]) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));

export async function crossValidate(
  records: readonly CustomerRecord[],
  labels: ArrayLike<number>,
  options: CrossValidationOptions,
): Promise<Record<ResponseModelKind, ModelCrossValidation | undefined>> {
  const { folds, kinds } = options;
  if (folds.length !== records.length || labels.length !== records.length) {
    throw new Error(`crossValidate: ${records.length} records, ${labels.length} labels, ${folds.length} fold ids`);
  }
  const k = folds.reduce((most, fold) => Math.max(most, fold), 0) + 1;
  const rng = createRng(options.seed);
  const results = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      {
        kind,
        foldAucs: new Array<number>(k),
        oof: new Float64Array(records.length),
        foldModels: new Array<FittedResponseModel>(k),
        milliseconds: 0,
      },
    ]),
  );
  const splits = Array.from({ length: k }, (_, fold) => splitFold(records, labels, folds, fold, options));
  // Seeds in the order the folds were once fitted one after another, so the models do not depend on the threads.
  const fits = splits.flatMap((split) => kinds.map((kind) => ({ kind, data: split.train, labels: split.trainLabels, seed: rng.seed(), fold: split.fold })));
  const workers = options.workers ?? "auto";
  const withWorker = workers === "auto" ? wantsWorker(fits) : workers > 0;
  const learnerOptions = { logistic: options.logistic, mlp: options.mlp };
  await fitLearnersInLanes(fits, learnerOptions, withWorker, async (index, parameters, milliseconds) => {
    const { kind, fold } = fits[index];
    const { pipeline, test, testRows, testLabels } = splits[fold];
    const result = results[kind];
    const scoringStarted = performance.now();
    const scorer = await createScorer(parameters);
    const predictions = scorer.predict(test.matrix, test.columns);
    scorer.dispose();
    testRows.forEach((row, j) => (result.oof[row] = predictions[j]));
    result.foldAucs[fold] = rocAuc(testLabels, predictions);
    result.foldModels[fold] = { kind, pipeline, parameters };
    result.milliseconds += milliseconds + performance.now() - scoringStarted;
    const epochs = parameters.kind === "mlp" ? ` (best epoch ${parameters.bestEpoch} of ${parameters.epochsRun})` : "";
    options.onProgress?.(`${kind} fold ${fold + 1}/${k}: AUC ${result.foldAucs[fold].toFixed(4)}${epochs}`);
  });
  const summary = {} as Record<ResponseModelKind, ModelCrossValidation | undefined>;
  for (const kind of kinds) {
    const result = results[kind];
    summary[kind] = { ...result, meanAuc: mean(result.foldAucs), stdAuc: std(result.foldAucs), pooledAuc: rocAuc(labels, result.oof) };
  }
  return summary;
}

/** Each fold's own feature pipeline, fitted on its training part only, and both parts transformed by it. */
function splitFold(records: readonly CustomerRecord[], labels: ArrayLike<number>, folds: Int32Array, fold: number, options: CrossValidationOptions) {
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (let i = 0; i < records.length; i++) (folds[i] === fold ? testRows : trainRows).push(i);
  const trainRecords = trainRows.map((i) => records[i]);
  const pipeline = fitFeaturePipeline(trainRecords, { snapshotDate: options.snapshotDate, features: options.features, summaries: options.summaries });
  return {
    fold,
    pipeline,
    train: transformFeatures(pipeline, trainRecords, options),
    test: transformFeatures(
      pipeline,
      testRows.map((i) => records[i]),
      options,
    ),
    trainLabels: trainRows.map((i) => labels[i]),
    testRows,
    testLabels: testRows.map((i) => labels[i]),
  };
}

/**
 * A worker first compiles the learners (tsx) and loads tfjs's wasm, so it is started for two MLP
 * folds or more of at least this many training rows each. Measured on two cores: with 800 rows
 * a fold it saved nothing (1.5 s either way); with the real file's 1,792 the cross-validation
 * took 4.1–4.4 s instead of 5.7–6.2, and with 16,000 13.1–13.7 s instead of 18.7–19.6.
 */
const WORKER_MIN_TRAIN_ROWS = 1_500;

function wantsWorker(fits: readonly { kind: ResponseModelKind; data: { rows: number } }[]): boolean {
  return fits.filter((fit) => fit.kind === "mlp" && fit.data.rows >= WORKER_MIN_TRAIN_ROWS).length >= 2;
}
