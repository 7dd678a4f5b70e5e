/**
 * A trained segment classifier as plain data (Keras-style topology JSON + weights as number
 * arrays), and scoring from it: probabilities per segment and the most likely segment.
 */
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { loadTf } from "@/lib/ml/tf";
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

const SCORING_ROWS = 8192;

export interface SegmentClassifier {
  /** Softmax probabilities, n × k row-major; each row sums to 1 (up to float32 rounding). */
  predict(X: Float64Array): Float64Array;
  dispose(): void;
}

/** Loads the network once, for scoring many batches (the scoring API keeps one per run); dispose() when done. */
export async function createSegmentClassifier(saved: SegmentClassifierModel): Promise<SegmentClassifier> {
  if (saved?.kind !== "segmentClassifier") throw new Error("predictSegmentProbabilities: not a segment classifier model");
  const columns = saved.inputSize;
  const tf = await loadTf();
  const model = await tf.models.modelFromJSON({ modelTopology: saved.topology } as never);
  const tensors = saved.weights.map((w) => tf.tensor(w.values, w.shape, "float32"));
  model.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
  return {
    predict(X) {
      if (X.length % columns !== 0) throw new Error(`predictSegmentProbabilities: the model takes ${columns} features; ${X.length} values are not whole rows`);
      const rows = X.length / columns;
      const out = new Float64Array(rows * saved.k);
      for (let start = 0; start < rows; start += SCORING_ROWS) {
        const end = Math.min(rows, start + SCORING_ROWS);
        const values = tf.tidy(() => {
          const x = tf.tensor2d(Float32Array.from(X.subarray(start * columns, end * columns)), [end - start, columns]);
          return (model.predict(x) as Tensor).dataSync();
        });
        out.set(values, start * saved.k);
      }
      return out;
    },
    dispose: () => model.dispose(),
  };
}

/** Softmax probabilities, n × k row-major; each row sums to 1 (up to float32 rounding). */
export async function predictSegmentProbabilities(saved: SegmentClassifierModel, X: Float64Array): Promise<Float64Array> {
  const classifier = await createSegmentClassifier(saved);
  try {
    return classifier.predict(X);
  } finally {
    classifier.dispose();
  }
}

/** The most likely segment of every row of an n × k probability matrix (first on ties). */
export function argmaxSegments(probabilities: Float64Array, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 1 || probabilities.length % k !== 0) throw new Error(`argmaxSegments: ${probabilities.length} values are not rows of k = ${k}`);
  const out = new Int32Array(probabilities.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}
