/**
 * Stratified k-fold cross-validation of the response learners. The feature pipeline
 * (imputation, winsorisation, scaling) is fitted on each fold's training part only, and
 * both learners see the same folds, so their AUCs are comparable fold by fold.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { fitFeaturePipeline, transformFeatures, type FeatureName, type SummaryLookup } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { rocAuc } from "./metrics";
import { createScorer, fitLearner, type FittedResponseModel, type LearnerOptions, type ResponseModelKind } from "./models";

export interface CrossValidationOptions extends LearnerOptions {
  kinds: readonly ResponseModelKind[];
  /** Fold (0..k-1) of every record, e.g. from stratifiedFolds. */
  folds: Int32Array;
  snapshotDate: Date | string;
  features: readonly FeatureName[];
  seed: number;
  summaries?: SummaryLookup;
  onProgress?: (message: string) => void;
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
      { kind, foldAucs: [] as number[], oof: new Float64Array(records.length), foldModels: [] as FittedResponseModel[], milliseconds: 0 },
    ]),
  );
  for (let fold = 0; fold < k; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < records.length; i++) (folds[i] === fold ? testRows : trainRows).push(i);
    const pipeline = fitFeaturePipeline(
      trainRows.map((i) => records[i]),
      { snapshotDate: options.snapshotDate, features: options.features, summaries: options.summaries },
    );
    const train = transformFeatures(
      pipeline,
      trainRows.map((i) => records[i]),
      options,
    );
    const test = transformFeatures(
      pipeline,
      testRows.map((i) => records[i]),
      options,
    );
    const trainLabels = trainRows.map((i) => labels[i]);
    const testLabels = testRows.map((i) => labels[i]);
    for (const kind of kinds) {
      const result = results[kind];
      const fitStarted = performance.now();
      const parameters = await fitLearner(kind, train, trainLabels, rng.seed(), options);
      const scorer = await createScorer(parameters);
      const predictions = scorer.predict(test.matrix, test.columns);
      scorer.dispose();
      testRows.forEach((row, j) => (result.oof[row] = predictions[j]));
      result.foldAucs.push(rocAuc(testLabels, predictions));
      result.foldModels.push({ kind, pipeline, parameters });
      result.milliseconds += performance.now() - fitStarted;
      const epochs = parameters.kind === "mlp" ? ` (best epoch ${parameters.bestEpoch} of ${parameters.epochsRun})` : "";
      options.onProgress?.(`${kind} fold ${fold + 1}/${k}: AUC ${result.foldAucs[fold].toFixed(4)}${epochs}`);
    }
  }
  const summary = {} as Record<ResponseModelKind, ModelCrossValidation | undefined>;
  for (const kind of kinds) {
    const result = results[kind];
    summary[kind] = { ...result, meanAuc: mean(result.foldAucs), stdAuc: std(result.foldAucs), pooledAuc: rocAuc(labels, result.oof) };
  }
  return summary;
}
