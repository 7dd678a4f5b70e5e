/**
 * The seed project's assignment network in tfjs: Dense → ReLU → Dropout for each hidden
 * layer (default 64-128-64, dropout 0.3), then Dense(k) with softmax; Adam on sparse
 * categorical cross-entropy; early stopping on the validation loss with the best weights kept.
 *
 * Training is a manual loop so every random draw comes from createRng: initialisers are
 * seeded, the batch order is shuffled by the rng each epoch, and dropout masks are drawn by
 * the rng and multiplied in where the Dropout layers sit (tfjs's own dropout falls back to
 * Math.random). Inference ignores Dropout layers, so the saved topology is the standard one.
 */
import type { LayersModel, Scalar, Tensor, Tensor2D } from "@tensorflow/tfjs";
import type { Rng } from "@/lib/ml/random";
import type { Tf } from "@/lib/ml/tf";

export interface ClassifierHyperParameters {
  /** Widths of the hidden ReLU layers. */
  units: number[];
  learningRate: number;
  /** Dropout rate after every hidden layer (0 leaves the Dropout layers out). */
  dropout: number;
}

export interface EpochRecord {
  epoch: number;
  /** Mean training cross-entropy over the epoch's batches (with dropout). */
  loss: number;
  validationLoss: number;
  validationAccuracy: number;
}

export interface TrainingOutcome {
  history: EpochRecord[];
  bestEpoch: number;
  validationLoss: number;
  validationAccuracy: number;
}

export interface TrainingSettings {
  batchSize: number;
  maxEpochs: number;
  patience: number;
  /** An epoch counts as better only when it lowers the best validation loss by more than this (Keras's min_delta). */
  minDelta: number;
}

/** Rows of a row-major matrix as a float32 tensor. */
export function toRowsTensor(tf: Tf, matrix: Float64Array, columns: number, rows: readonly number[]): Tensor2D {
  const out = new Float32Array(rows.length * columns);
  rows.forEach((row, r) => out.set(matrix.subarray(row * columns, row * columns + columns), r * columns));
  return tf.tensor2d(out, [rows.length, columns]);
}

export function buildNetwork(tf: Tf, inputs: number, k: number, hyper: ClassifierHyperParameters, rng: Rng): LayersModel {
  // Fixed names: tfjs would otherwise number layers per process, and the saved JSON would differ between equal fits.
  const model = tf.sequential({ name: "segment_classifier" });
  hyper.units.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        name: `hidden_${i + 1}`,
        units,
        activation: "relu",
        kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      }),
    );
    if (hyper.dropout > 0) model.add(tf.layers.dropout({ name: `dropout_${i + 1}`, rate: hyper.dropout }));
  });
  const outputInitializer = tf.initializers.glorotUniform({ seed: rng.seed() });
  model.add(tf.layers.dense({ name: "output", units: k, activation: "softmax", kernelInitializer: outputInitializer }));
  return model;
}

/** Keras's sparse categorical cross-entropy on probabilities: clip, log, mean over rows. */
function crossEntropy(tf: Tf, probabilities: Tensor, labels: Tensor, k: number): Scalar {
  const picked = probabilities
    .clipByValue(1e-7, 1 - 1e-7)
    .log()
    .mul(tf.oneHot(labels, k))
    .sum(1);
  return picked.mean().neg() as Scalar;
}

interface Labelled {
  x: Tensor2D;
  y: Tensor;
  labels: Int32Array;
}

/** Mini-batch Adam with early stopping; leaves the best epoch's weights in the model. */
export function trainNetwork(
  tf: Tf,
  model: LayersModel,
  k: number,
  train: Labelled,
  validation: Labelled,
  hyper: ClassifierHyperParameters,
  settings: TrainingSettings,
  rng: Rng,
): TrainingOutcome {
  const optimizer = tf.train.adam(hyper.learningRate);
  const dropoutWidths = model.layers.map((layer) => (layer.getClassName() === "Dropout" ? (layer.outputShape as number[])[1] : 0));
  const history: EpochRecord[] = [];
  let best = { epoch: 0, loss: Infinity, accuracy: 0, weights: [] as Tensor[] };
  try {
    const order = Array.from({ length: train.labels.length }, (_, i) => i);
    for (let epoch = 1; epoch <= settings.maxEpochs && epoch - best.epoch <= settings.patience; epoch++) {
      rng.shuffle(order);
      let lossSum = 0;
      for (let start = 0; start < order.length; start += settings.batchSize) {
        const batch = order.slice(start, start + settings.batchSize);
        lossSum += trainStep(tf, model, optimizer, k, train, batch, hyper.dropout, dropoutWidths, rng) * batch.length;
      }
      const scored = evaluate(tf, model, k, validation);
      history.push({ epoch, loss: lossSum / order.length, validationLoss: scored.loss, validationAccuracy: scored.accuracy });
      if (scored.loss < best.loss - settings.minDelta) {
        best.weights.forEach((w) => w.dispose());
        best = { epoch, ...scored, weights: model.getWeights().map((w) => w.clone()) };
      }
    }
    if (best.epoch === 0)
      throw new Error(`trainNetwork: the validation loss is ${history[0]?.validationLoss}; training diverged (learning rate ${hyper.learningRate})`);
    model.setWeights(best.weights);
    return { history, bestEpoch: best.epoch, validationLoss: best.loss, validationAccuracy: best.accuracy };
  } finally {
    best.weights.forEach((w) => w.dispose());
    optimizer.dispose();
  }
}

function trainStep(
  tf: Tf,
  model: LayersModel,
  optimizer: ReturnType<Tf["train"]["adam"]>,
  k: number,
  train: Labelled,
  batch: number[],
  rate: number,
  dropoutWidths: number[],
  rng: Rng,
): number {
  return tf.tidy(() => {
    const indices = tf.tensor1d(batch, "int32");
    const x = tf.gather(train.x, indices);
    const y = tf.gather(train.y, indices);
    const masks = dropoutWidths.map((width) => {
      if (width === 0) return null;
      const keep = new Float32Array(batch.length * width);
      for (let i = 0; i < keep.length; i++) keep[i] = rng.next() < rate ? 0 : 1 / (1 - rate);
      return tf.tensor2d(keep, [batch.length, width]);
    });
    const cost = optimizer.minimize(() => {
      let h: Tensor = x;
      model.layers.forEach((layer, i) => {
        h = masks[i] ? h.mul(masks[i]!) : (layer.apply(h) as Tensor);
      });
      return crossEntropy(tf, h, y, k);
    }, true);
    return cost!.dataSync()[0];
  });
}

/** Cross-entropy and accuracy of the model on labelled rows (inference mode). */
function evaluate(tf: Tf, model: LayersModel, k: number, data: Labelled): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const probabilities = model.predict(data.x) as Tensor;
    const loss = crossEntropy(tf, probabilities, data.y, k).dataSync()[0];
    const predicted = probabilities.argMax(1).dataSync();
    let correct = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === data.labels[i]) correct++;
    return { loss, accuracy: correct / predicted.length };
  });
}
