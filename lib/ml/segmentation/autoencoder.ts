/**
 * A dense autoencoder in tfjs (default d → 32 → 16 → 8 → 16 → 32 → d, ReLU hidden layers,
 * linear bottleneck and output, MSE, Adam) whose 8-unit bottleneck is a clustering space.
 *
 * Deterministic for a seed: initialisers are seeded, the training sample, validation split and
 * per-epoch batch order come from createRng, and training is a manual loop (no tfjs shuffling).
 * Large inputs train on a seeded sample of `trainingRows` rows; `encode` then maps everyone.
 * The bottleneck is linear by default: ReLU there can leave dead coordinates stuck at 0,
 * which would waste dimensions of the space k-means runs in.
 */
import type { LayersModel, Scalar, Tensor } from "@tensorflow/tfjs";
import { createRng, resumeRng, type Rng, type RngState } from "@/lib/ml/random";
import { loadTf, type Tf } from "@/lib/ml/tf";
import { forward, type Activation, type DenseLayer } from "@/lib/ml/denseNet";
import { selectRows, toDense, type DenseMatrix, type MatrixInput } from "./matrix";

export interface AutoencoderOptions {
  seed: number;
  /** Encoder widths before the bottleneck, mirrored in the decoder. Default [32, 16]. */
  hiddenUnits?: readonly number[];
  /** Default 8. */
  bottleneck?: number;
  /** Default "linear" (see the module comment). */
  bottleneckActivation?: Activation;
  /** Adam's step size; "auto" (default) grows with the batch (see autoLearningRate). */
  learningRate?: number | "auto";
  /** Default 30 (at ~16 steps an epoch they reach the validation loss 40 epochs of 64-row steps did); 0 returns the initialised, untrained network. */
  maxEpochs?: number;
  /** Epochs without a better validation loss (by at least 0.1%) before stopping; the best weights are kept. Default 5. */
  patience?: number;
  /** Default 0.1. */
  validationFraction?: number;
  /** Rows per step; "auto" (default) grows it with the data to keep ~16 steps an epoch. */
  batchSize?: number | "auto";
  /** At most this many rows (a seeded sample) are used for training and validation. Default 20,000. */
  trainingRows?: number;
}

export interface AutoencoderTraining {
  trainRows: number;
  validationRows: number;
  batchSize: number;
  /** Absent in runs trained before it was recorded (then 2e-3). */
  learningRate?: number;
  epochsRun: number;
  bestEpoch: number;
  validationLoss: number;
  backend: string;
}

export interface AutoencoderModel {
  kind: "autoencoder";
  inputSize: number;
  /** Input → bottleneck. */
  encoder: DenseLayer[];
  /** Bottleneck → reconstruction. */
  decoder: DenseLayer[];
  training: AutoencoderTraining;
}

type Settings = Required<Omit<AutoencoderOptions, "batchSize" | "learningRate">> & { batchSize: number | "auto"; learningRate: number | "auto" };

export async function fitAutoencoder(input: MatrixInput, options: AutoencoderOptions): Promise<AutoencoderModel> {
  return fitAutoencoderSample(sampleAutoencoderRows(input, options), options);
}

/** The rows an autoencoder learns from, validation rows first, and the seeded stream as drawing them left it. */
export interface AutoencoderSample {
  rows: DenseMatrix;
  validationRows: number;
  rng: RngState;
}

/** The seeded draw fitAutoencoder starts with: at most `trainingRows` rows, so a worker thread is sent those, not every row. */
export function sampleAutoencoderRows(input: MatrixInput, options: AutoencoderOptions): AutoencoderSample {
  const matrix = toDense(input, "fitAutoencoder");
  const settings = checkOptions(options);
  const rng = createRng(settings.seed);
  const picked =
    matrix.rows > settings.trainingRows ? rng.sample(matrix.rows, settings.trainingRows) : rng.shuffle(Array.from({ length: matrix.rows }, (_, i) => i));
  const validationRows = Math.max(1, Math.round(picked.length * settings.validationFraction));
  if (picked.length - validationRows < 1) throw new Error(`fitAutoencoder: ${matrix.rows} rows leave none to train on`);
  return { rows: selectRows(matrix, picked), validationRows, rng: rng.snapshot() };
}

/** fitAutoencoder's training, on the sample sampleAutoencoderRows drew with the same options. */
export async function fitAutoencoderSample(sample: AutoencoderSample, options: AutoencoderOptions): Promise<AutoencoderModel> {
  const settings = checkOptions(options);
  const tf = await loadTf();
  const rng = resumeRng(sample.rng);
  const { columns } = sample.rows;
  const validation = rowRange(sample.rows, 0, sample.validationRows);
  const train = rowRange(sample.rows, sample.validationRows, sample.rows.rows);
  const batchSize = settings.batchSize === "auto" ? autoBatchSize(train.rows) : settings.batchSize;
  const learningRate = settings.learningRate === "auto" ? autoLearningRate(batchSize) : settings.learningRate;
  const widths = [...settings.hiddenUnits, settings.bottleneck, ...[...settings.hiddenUnits].reverse(), columns];
  const activations = widths.map((_, i): Activation =>
    i === settings.hiddenUnits.length ? settings.bottleneckActivation : i === widths.length - 1 ? "linear" : "relu",
  );
  const model = buildModel(tf, columns, widths, activations, rng);
  try {
    const outcome = trainNetwork(tf, model, train, validation, { batchSize, learningRate }, settings, rng);
    const layers = exportLayers(model, columns, widths, activations);
    return {
      kind: "autoencoder",
      inputSize: columns,
      encoder: layers.slice(0, settings.hiddenUnits.length + 1),
      decoder: layers.slice(settings.hiddenUnits.length + 1),
      training: { trainRows: train.rows, validationRows: validation.rows, batchSize, learningRate, ...outcome, backend: tf.getBackend() },
    };
  } finally {
    model.dispose();
  }
}

function rowRange(matrix: DenseMatrix, from: number, to: number): DenseMatrix {
  return { data: matrix.data.subarray(from * matrix.columns, to * matrix.columns), rows: to - from, columns: matrix.columns };
}

/** Bottleneck coordinates of every row. */
export function encode(model: AutoencoderModel, input: MatrixInput): DenseMatrix {
  return forward(model.encoder, toDense(input, "encode"));
}

/** Mean squared reconstruction error over all values. */
export function reconstructionError(model: AutoencoderModel, input: MatrixInput): number {
  const matrix = toDense(input, "reconstructionError");
  const output = forward([...model.encoder, ...model.decoder], matrix);
  let sum = 0;
  for (let i = 0; i < matrix.data.length; i++) sum += (output.data[i] - matrix.data[i]) ** 2;
  return sum / matrix.data.length;
}

/**
 * 32 rows per step for small data, doubling (up to 1,024) while an epoch would exceed ~16
 * steps: a tfjs-wasm step costs ~1.5 ms whatever its rows below a few hundred, so on the real
 * file (2,016 training rows) 128 per step trains in 40% of the CPU of 64 per step, to a lower
 * validation loss with the larger step size below; 18,000 rows run at 1,024 per step.
 */
export function autoBatchSize(rows: number): number {
  let size = 32;
  while (size < 1024 && rows / size > 16) size *= 2;
  return size;
}

/** Adam's step size grows with the batch (2e-3 at 32 rows, linearly) up to 8e-3 from 128 rows: larger steps for fewer, less noisy gradients. */
export function autoLearningRate(batchSize: number): number {
  return Math.min(8e-3, (2e-3 * batchSize) / 32);
}

/** A validation loss must beat the best so far by this share to count as better: the long tail of tiny gains costs epochs without changing the code space. */
const MIN_IMPROVEMENT = 1e-3;

function checkOptions(options: AutoencoderOptions): Settings {
  const settings: Settings = {
    hiddenUnits: [32, 16],
    bottleneck: 8,
    bottleneckActivation: "linear",
    learningRate: "auto",
    maxEpochs: 30,
    patience: 5,
    validationFraction: 0.1,
    batchSize: "auto",
    trainingRows: 20_000,
    ...options,
  };
  const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;
  if (!settings.hiddenUnits.every(positiveInteger))
    throw new Error(`fitAutoencoder: hiddenUnits must be positive integers, got ${settings.hiddenUnits.join(", ")}`);
  if (!positiveInteger(settings.bottleneck)) throw new Error(`fitAutoencoder: bottleneck must be a positive integer, got ${settings.bottleneck}`);
  if (settings.learningRate !== "auto" && !(settings.learningRate > 0))
    throw new Error(`fitAutoencoder: learningRate must be > 0 or "auto", got ${settings.learningRate}`);
  if (!Number.isInteger(settings.maxEpochs) || settings.maxEpochs < 0)
    throw new Error(`fitAutoencoder: maxEpochs must be an integer ≥ 0, got ${settings.maxEpochs}`);
  if (!positiveInteger(settings.patience)) throw new Error(`fitAutoencoder: patience must be a positive integer, got ${settings.patience}`);
  if (!(settings.validationFraction > 0 && settings.validationFraction < 1))
    throw new Error(`fitAutoencoder: validationFraction must be in (0, 1), got ${settings.validationFraction}`);
  if (settings.batchSize !== "auto" && !positiveInteger(settings.batchSize))
    throw new Error(`fitAutoencoder: batchSize must be a positive integer or "auto", got ${settings.batchSize}`);
  if (!(settings.trainingRows >= 2)) throw new Error(`fitAutoencoder: trainingRows must be ≥ 2, got ${settings.trainingRows}`);
  return settings;
}

function buildModel(tf: Tf, inputs: number, widths: readonly number[], activations: readonly Activation[], rng: Rng): LayersModel {
  const model = tf.sequential();
  widths.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        units,
        activation: activations[i],
        kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      }),
    );
  });
  return model;
}

/** Mini-batch Adam with early stopping on the validation MSE; leaves the best weights in the model. */
function trainNetwork(
  tf: Tf,
  model: LayersModel,
  train: DenseMatrix,
  validation: DenseMatrix,
  { batchSize, learningRate }: { batchSize: number; learningRate: number },
  settings: Settings,
  rng: Rng,
): Pick<AutoencoderTraining, "epochsRun" | "bestEpoch" | "validationLoss"> {
  const optimizer = tf.train.adam(learningRate);
  const trainX = tf.tensor2d(Float32Array.from(train.data), [train.rows, train.columns]);
  const validationX = tf.tensor2d(Float32Array.from(validation.data), [validation.rows, validation.columns]);
  const validationLoss = () => tf.tidy(() => tf.losses.meanSquaredError(validationX, model.predict(validationX) as Tensor).dataSync()[0]);
  let best = { loss: validationLoss(), epoch: 0, weights: model.getWeights().map((w) => w.clone()) };
  let epoch = 0;
  try {
    const order = Array.from({ length: train.rows }, (_, i) => i);
    for (epoch = 1; epoch <= settings.maxEpochs && epoch - best.epoch <= settings.patience; epoch++) {
      rng.shuffle(order);
      for (let start = 0; start < order.length; start += batchSize) {
        tf.tidy(() => {
          const x = tf.gather(trainX, tf.tensor1d(order.slice(start, start + batchSize), "int32"));
          optimizer.minimize(() => tf.losses.meanSquaredError(x, model.apply(x, { training: true }) as Tensor) as Scalar);
        });
      }
      const loss = validationLoss();
      if (loss < best.loss * (1 - MIN_IMPROVEMENT)) {
        best.weights.forEach((w) => w.dispose());
        best = { loss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      }
    }
    model.setWeights(best.weights);
    return { epochsRun: epoch - 1, bestEpoch: best.epoch, validationLoss: best.loss };
  } finally {
    best.weights.forEach((w) => w.dispose());
    trainX.dispose();
    validationX.dispose();
    optimizer.dispose();
  }
}

function exportLayers(model: LayersModel, inputs: number, widths: readonly number[], activations: readonly Activation[]): DenseLayer[] {
  const weights = model.getWeights();
  return widths.map((units, i) => ({
    inputSize: i === 0 ? inputs : widths[i - 1],
    units,
    activation: activations[i],
    kernel: Array.from(weights[2 * i].dataSync()),
    bias: Array.from(weights[2 * i + 1].dataSync()),
  }));
}
