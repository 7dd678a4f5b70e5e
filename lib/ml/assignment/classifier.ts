/**
 * The softmax classifier that assigns new customers to segments (the seed project's
 * alternative to nearest-centroid assignment): trained on standardized features with the
 * k-means labels as targets, scored on a stratified held-out test split it never trained on.
 */
import { measureAccuracy, confusionMatrix } from "./evaluation";
import { argmaxSegments, predictSegmentProbabilities, serialiseClassifier, type SegmentClassifierModel } from "./model";
import type { EpochRecord } from "./network";
import { prepareRun, trainCandidate, type ClassifierOptions } from "./training";

export interface SegmentClassifierFit {
  model: SegmentClassifierModel;
  /** Share of held-out test rows whose predicted segment is their k-means label. */
  heldOutAccuracy: number;
  /** confusion[k-means label][predicted segment] over the test rows. */
  confusion: number[][];
  /** Epochs run (early stopping may end training before maxEpochs). */
  epochs: number;
  /** The epoch whose weights were kept (lowest validation loss). */
  bestEpoch: number;
  history: EpochRecord[];
  rows: { train: number; validation: number; test: number };
  batchSize: number;
  backend: string;
}

/** X is n × d row-major (standardized features), labels the k-means segment (0..k-1) of each row. */
export async function fitSegmentClassifier(X: Float64Array, labels: Int32Array, k: number, options: ClassifierOptions): Promise<SegmentClassifierFit> {
  const run = await prepareRun(X, labels, k, options, "fitSegmentClassifier");
  const hyper = run.settings.hyperParameters;
  const { model: network, outcome } = trainCandidate(run, hyper);
  let model: SegmentClassifierModel;
  try {
    model = serialiseClassifier(network, run.columns, k, hyper);
  } finally {
    network.dispose();
  }
  const { test } = run.splits;
  const testX = new Float64Array(test.length * run.columns);
  test.forEach((row, r) => testX.set(X.subarray(row * run.columns, (row + 1) * run.columns), r * run.columns));
  const predicted = argmaxSegments(predictSegmentProbabilities(model, testX), k);
  const confusion = confusionMatrix(
    Int32Array.from(test, (row) => labels[row]),
    predicted,
    k,
  );
  return {
    model,
    heldOutAccuracy: measureAccuracy(confusion),
    confusion,
    epochs: outcome.history.length,
    bestEpoch: outcome.bestEpoch,
    history: outcome.history,
    rows: { train: run.splits.train.length, validation: run.splits.validation.length, test: test.length },
    batchSize: run.batchSize,
    backend: run.tf.getBackend(),
  };
}
