/**
 * A trained segment classifier as plain data (Keras-style topology JSON + weights as number
 * arrays), and scoring from it: probabilities per segment and the most likely segment.
 */
import type { LayersModel } from "@tensorflow/tfjs";
import { compileDenseNet } from "@/lib/ml/denseNet";
import { readDenseLayers } from "@/lib/ml/storedNetwork";
import type { ClassifierHyperParameters } from "./network";

export interface SegmentClassifierModel {
  kind: "segmentClassifier";
  /** model.toJSON() of the tfjs Sequential model. */
  topology: Record<string, unknown>;
  /** Every weight in model.weights order. */
  weights: { name: string; shape: number[]; values: number[] }[];
  inputSize: number;
  k: number;
  hyperParameters: ClassifierHyperParameters;
}

export function serialiseClassifier(model: LayersModel, inputSize: number, k: number, hyperParameters: ClassifierHyperParameters): SegmentClassifierModel {
  const values = model.getWeights();
  return {
    kind: "segmentClassifier",
    topology: JSON.parse(JSON.stringify(model.toJSON(null, false))) as Record<string, unknown>,
    weights: model.weights.map((weight, i) => ({ name: weight.originalName, shape: [...values[i].shape], values: Array.from(values[i].dataSync()) })),
    inputSize,
    k,
    hyperParameters: { ...hyperParameters, units: [...hyperParameters.units] },
  };
}

export interface SegmentClassifier {
  /** Softmax probabilities, n × k row-major; each row sums to 1. */
  predict(X: Float64Array): Float64Array;
}

/** The network as plain dense layers (lib/ml/storedNetwork), built once for scoring many batches. */
export function createSegmentClassifier(saved: SegmentClassifierModel): SegmentClassifier {
  if (saved?.kind !== "segmentClassifier") throw new Error("segment classifier: not a segment classifier model");
  const columns = saved.inputSize;
  const run = compileDenseNet(readDenseLayers(saved));
  return {
    predict(X) {
      if (X.length % columns !== 0) throw new Error(`segment classifier: the model takes ${columns} features; ${X.length} values are not whole rows`);
      return run({ data: X, rows: X.length / columns, columns }).data;
    },
  };
}

/** Softmax probabilities, n × k row-major; each row sums to 1. */
export function predictSegmentProbabilities(saved: SegmentClassifierModel, X: Float64Array): Float64Array {
  return createSegmentClassifier(saved).predict(X);
}

/** The most likely segment of every row of an n × k probability matrix (first on ties). */
export function argmaxSegments(probabilities: Float64Array, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 1 || probabilities.length % k !== 0)
    throw new Error(`argmaxSegments: ${probabilities.length} values are not rows of k = ${k}`);
  const out = new Int32Array(probabilities.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}
