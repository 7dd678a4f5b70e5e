/**
 * The seed project's response network in tfjs: Dense 64 → BatchNorm → ReLU → Dropout 0.5 →
 * Dense 32 → BatchNorm → ReLU → Dropout 0.5 → Dense 1 (sigmoid), Adam, class-weighted
 * binary cross-entropy, early stopping (patience 5 epochs, or two passes over the rows when an
 * epoch is capped on a large file; best weights restored) on an inner stratified validation split.
 *
 * Training is a manual loop (mlpTraining.ts) so that every random draw comes from createRng:
 * initialisers are seeded, batches are shuffled by the rng, and dropout masks are drawn by
 * the rng (tfjs's own dropout either reuses one mask per seed or calls Math.random). The
 * model stays a standard tfjs-layers Sequential, which is what is saved and scores.
 */
import { setImmediate } from "node:timers/promises";
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { createRng, type Rng } from "@/lib/ml/random";
import { loadTf, type Tf } from "@/lib/ml/tf";
import { stratifiedSplit } from "./folds";
import { computeClassWeights, type ClassWeight } from "./logistic";
import { serialiseMlp, type MlpModel } from "./mlpModel";
import { buildTrainingGraph, trainStep } from "./mlpTraining";

export interface MlpOptions {
  seed: number;
  hiddenUnits?: readonly number[];
  dropout?: number;
  /** Adam's step size; default 4e-3 at batch 256, scaled by √(batch / 256) for other batches. */
  learningRate?: number;
  /** Rows per step; "auto" grows it with the data so large files train within budget. */
  batchSize?: number | "auto";
  maxEpochs?: number;
  /**
   * Rows per epoch at most. Large files then check the validation loss (and count patience)
   * every this many rows instead of after full passes, which bounds the cost of the patience
   * epochs; the shuffled order carries on across epochs so every row is still used.
   */
  maxRowsPerEpoch?: number;
  /** Epochs without a better validation loss before stopping; default 5, or two full passes over the rows when epochs are shorter. */
  patience?: number;
  validationFraction?: number;
  classWeight?: ClassWeight;
}

/**
 * 256 rows per step up to 2,048 training rows, doubling with the data up to 1,024: about 8
 * steps an epoch. A tfjs step costs nearly the same at 32 rows as at 256, so small batches
 * only multiplied the steps: on the real file 256 rows at 4e-3 kept 32's CV AUC (0.913 vs
 * 0.910) in about 40% of its time.
 */
export function autoBatchSize(rows: number): number {
  let size = 256;
  while (size < 1024 && rows / size > 8) size *= 2;
  return size;
}

/** Past this many rows an "epoch" is this many rows, so validation checks stay frequent on large files. */
export const MAX_ROWS_PER_EPOCH = 4_096;

function buildModel(tf: Tf, inputs: number, units: readonly number[], dropout: number, rng: Rng): LayersModel {
  const model = tf.sequential();
  units.forEach((n, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        units: n,
        kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      }),
    );
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.activation({ activation: "relu" }));
    model.add(tf.layers.dropout({ rate: dropout }));
  });
  model.add(tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }) }));
  return model;
}

/** Gathers the rows of a row-major matrix into a float32 buffer. */
function gatherRows(matrix: Float64Array, columns: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * columns);
  rows.forEach((row, r) => out.set(matrix.subarray(row * columns, row * columns + columns), r * columns));
  return out;
}

function weightedCrossEntropy(tf: Tf, probabilities: Tensor, labels: Tensor, weights: Tensor): Tensor {
  const p = probabilities.reshape([-1]).clipByValue(1e-7, 1 - 1e-7);
  const perRow = labels
    .mul(p.log())
    .add(tf.scalar(1).sub(labels).mul(tf.scalar(1).sub(p).log()))
    .neg();
  return perRow.mul(weights).mean();
}

export async function fitMlp(matrix: Float64Array, columns: number, labels: ArrayLike<number>, options: MlpOptions): Promise<MlpModel> {
  const { seed, hiddenUnits = [64, 32], dropout = 0.5, maxEpochs = 100 } = options;
  const { validationFraction = 0.2, classWeight = "balanced", maxRowsPerEpoch = MAX_ROWS_PER_EPOCH } = options;
  if (matrix.length !== labels.length * columns) throw new Error(`fitMlp: matrix has ${matrix.length} values, expected ${labels.length} × ${columns}`);
  const tf = await loadTf();
  const rng = createRng(seed);
  const split = stratifiedSplit(labels, validationFraction, rng.seed());
  const trainLabels = split.train.map((i) => labels[i]);
  const weights = computeClassWeights(trainLabels, classWeight);
  const batchSize = options.batchSize === undefined || options.batchSize === "auto" ? autoBatchSize(split.train.length) : options.batchSize;
  // Larger batches take fewer, less noisy steps: the square-root rule keeps large files from
  // needing many more epochs to reach the same loss.
  const learningRate = options.learningRate ?? 4e-3 * Math.sqrt(batchSize / 256);
  const model = buildModel(tf, columns, hiddenUnits, dropout, rng);
  const optimizer = tf.train.adam(learningRate);
  const graph = buildTrainingGraph(tf, model);

  const validation = {
    x: tf.tensor2d(gatherRows(matrix, columns, split.validation), [split.validation.length, columns]),
    y: tf.tensor1d(
      split.validation.map((i) => labels[i]),
      "float32",
    ),
    w: tf.tensor1d(
      split.validation.map((i) => (labels[i] === 1 ? weights.positive : weights.negative)),
      "float32",
    ),
  };
  let best = { loss: Infinity, epoch: 0, weights: [] as Tensor[] };
  let epoch = 0;
  try {
    const nextBatch = batchStream([...split.train], rng);
    const epochRows = Math.min(split.train.length, maxRowsPerEpoch);
    // Short epochs give a noisy validation loss: waiting two passes keeps one bad stretch from ending training.
    const patience = options.patience ?? Math.max(5, 2 * Math.ceil(split.train.length / epochRows));
    const rowWeight = (row: number) => (labels[row] === 1 ? weights.positive : weights.negative);
    for (epoch = 1; epoch <= maxEpochs && epoch - best.epoch <= patience; epoch++) {
      for (let remaining = epochRows; remaining > 0;) {
        const rows = nextBatch(Math.min(batchSize, remaining));
        trainStep(tf, graph, optimizer, rng, {
          x: gatherRows(matrix, columns, rows),
          labels: Float32Array.from(rows, (row) => labels[row]),
          weights: Float32Array.from(rows, rowWeight),
          rows: rows.length,
          columns,
        });
        remaining -= rows.length;
      }
      const loss = tf.tidy(() => {
        const predicted = model.predict(validation.x, { batchSize: split.validation.length }) as Tensor;
        return weightedCrossEntropy(tf, predicted, validation.y, validation.w).dataSync()[0];
      });
      if (loss < best.loss) {
        best.weights.forEach((w) => w.dispose());
        best = { loss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      }
      // A fit takes seconds: between epochs the thread gets to what waits on it, such as a worker's reply (learnerLanes.ts).
      await setImmediate();
    }
    model.setWeights(best.weights);
    const facts = { inputSize: columns, batchSize, learningRate, bestEpoch: best.epoch, epochsRun: epoch - 1, validationLoss: best.loss };
    return serialiseMlp(model, facts);
  } finally {
    best.weights.forEach((w) => w.dispose());
    Object.values(validation).forEach((t) => t.dispose());
    optimizer.dispose();
    model.dispose();
  }
}

/** Endless passes over the rows, reshuffled by the rng at the start of each pass. */
function batchStream(rows: number[], rng: Rng): (size: number) => number[] {
  let cursor = rows.length;
  return (size) => {
    if (cursor === rows.length) {
      rng.shuffle(rows);
      cursor = 0;
    }
    const batch = rows.slice(cursor, Math.min(rows.length, cursor + size));
    cursor += batch.length;
    return batch;
  };
}
