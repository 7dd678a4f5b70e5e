/**
 * A trained MLP as plain data (Keras-style topology JSON + weights as numbers), and scoring
 * from it: in tfjs while training evaluates many large matrices, and in plain TypeScript
 * (lib/ml/denseNet, batch norm folded in) where a stored model scores customers.
 */
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { compileDenseNet } from "@/lib/ml/denseNet";
import { readDenseLayers } from "@/lib/ml/storedNetwork";
import { loadTf } from "@/lib/ml/tf";

export interface MlpModel {
  kind: "mlp";
  /** model.toJSON() of the tfjs Sequential model. */
  topology: Record<string, unknown>;
  /** Every weight (trainable and batch-norm statistics) in model.weights order. */
  weights: { name: string; shape: number[]; values: number[] }[];
  inputSize: number;
  batchSize: number;
  learningRate: number;
  bestEpoch: number;
  epochsRun: number;
  validationLoss: number;
}

type TrainingFacts = Omit<MlpModel, "kind" | "topology" | "weights">;

export function serialiseMlp(model: LayersModel, facts: TrainingFacts): MlpModel {
  const topology = model.toJSON(null, false) as unknown as Record<string, unknown>;
  const values = model.getWeights();
  const weights = model.weights.map((weight, i) => ({
    name: weight.originalName,
    shape: [...values[i].shape],
    values: Array.from(values[i].dataSync()),
  }));
  return { kind: "mlp", topology: JSON.parse(JSON.stringify(topology)), weights, ...facts };
}

export interface MlpScorer {
  predict(matrix: Float64Array, columns: number): Float64Array;
  dispose(): void;
}

const SCORING_ROWS = 8192;

/** Loads the network once, for scoring many matrices (permutation importance); dispose() when done. */
export async function createMlpScorer(saved: MlpModel): Promise<MlpScorer> {
  const tf = await loadTf();
  const model = await tf.models.modelFromJSON({ modelTopology: saved.topology } as never);
  const tensors = saved.weights.map((w) => tf.tensor(w.values, w.shape, "float32"));
  model.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
  return {
    predict(matrix, columns) {
      if (columns !== saved.inputSize) throw new Error(`MLP scoring: model takes ${saved.inputSize} features, matrix has ${columns}`);
      const rows = matrix.length / columns;
      const out = new Float64Array(rows);
      for (let start = 0; start < rows; start += SCORING_ROWS) {
        const end = Math.min(rows, start + SCORING_ROWS);
        const values = tf.tidy(() => {
          const x = tf.tensor2d(Float32Array.from(matrix.subarray(start * columns, end * columns)), [end - start, columns]);
          return (model.predict(x, { batchSize: end - start }) as Tensor).dataSync();
        });
        out.set(values, start);
      }
      return out;
    },
    dispose: () => model.dispose(),
  };
}

/** The stored network as plain dense layers, built once: synchronous, no TensorFlow. */
export function mlpForward(saved: MlpModel): (matrix: Float64Array, columns: number) => Float64Array {
  const run = compileDenseNet(readDenseLayers(saved));
  return (matrix, columns) => {
    if (columns !== saved.inputSize) throw new Error(`MLP scoring: model takes ${saved.inputSize} features, matrix has ${columns}`);
    return run({ data: matrix, rows: matrix.length / columns, columns }).data;
  };
}

export async function predictMlp(saved: MlpModel, matrix: Float64Array, columns: number): Promise<Float64Array> {
  const scorer = await createMlpScorer(saved);
  try {
    return scorer.predict(matrix, columns);
  } finally {
    scorer.dispose();
  }
}
