/**
 * The two response learners behind one interface: a fitted model is its feature pipeline plus
 * the learner's parameters, all plain data.
 */
import type { FeatureMatrix, FeaturePipeline } from "@/lib/ml/features";
import { fitLogistic, predictLogistic, type LogisticModel, type LogisticOptions } from "./logistic";
import { fitMlp, type MlpOptions } from "./mlp";
import { createMlpScorer, mlpForward, type MlpModel } from "./mlpModel";

export const RESPONSE_MODEL_KINDS = ["logistic", "mlp"] as const;
export type ResponseModelKind = (typeof RESPONSE_MODEL_KINDS)[number];

export type LearnerParameters = LogisticModel | MlpModel;

export interface LearnerOptions {
  logistic?: LogisticOptions;
  mlp?: Omit<MlpOptions, "seed">;
}

/** Fits one learner on an already transformed matrix. */
export async function fitLearner(
  kind: ResponseModelKind,
  data: FeatureMatrix,
  labels: ArrayLike<number>,
  seed: number,
  options: LearnerOptions,
): Promise<LearnerParameters> {
  if (kind === "logistic") return fitLogistic(data.matrix, data.columns, labels, { l2: 10, ...options.logistic });
  return fitMlp(data.matrix, data.columns, labels, { ...options.mlp, seed });
}

export interface MatrixScorer {
  /** Uncalibrated probabilities for a matrix made by the model's own pipeline. */
  predict(matrix: Float64Array, columns: number): Float64Array;
  dispose(): void;
}

/** For training, which scores large matrices many times: the MLP runs in tfjs (dispose() when done). */
export async function createScorer(parameters: LearnerParameters): Promise<MatrixScorer> {
  if (parameters.kind === "logistic") {
    return { predict: (matrix, columns) => predictLogistic(parameters, matrix, columns), dispose: () => {} };
  }
  return createMlpScorer(parameters);
}

/** For a stored model scoring customers: plain TypeScript, synchronous, nothing to free. */
export function createPredictor(parameters: LearnerParameters): MatrixScorer["predict"] {
  if (parameters.kind === "logistic") return (matrix, columns) => predictLogistic(parameters, matrix, columns);
  return mlpForward(parameters);
}

export interface FittedResponseModel {
  kind: ResponseModelKind;
  pipeline: FeaturePipeline;
  parameters: LearnerParameters;
}
