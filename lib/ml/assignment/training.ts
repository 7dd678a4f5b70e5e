/**
 * What fitting and tuning share: input checks, options with defaults, the seeded splits, and
 * training one network on them. The tuner and the final fit use the same seed-derived splits,
 * so tuning never sees the test rows.
 */
import type { LayersModel } from "@tensorflow/tfjs";
import { createRng } from "@/lib/ml/random";
import { loadTf, type Tf } from "@/lib/ml/tf";
import { buildNetwork, toRowsTensor, trainNetwork, type ClassifierHyperParameters, type TrainingOutcome } from "./network";
import { planSplits, type ClassifierSplits } from "./split";

export interface ClassifierOptions {
  seed: number;
  /** Defaults to the seed project's 64-128-64, dropout 0.3, learning rate 0.001. */
  hyperParameters?: Partial<ClassifierHyperParameters>;
  /** Rows per step; "auto" (default) grows from the seed project's 32 with the sample (see autoBatchSize), and Adam's step with it unless hyperParameters set one. */
  batchSize?: number | "auto";
  /** Default 100. */
  maxEpochs?: number;
  /** Epochs without the validation loss improving by more than minDelta before stopping. Default 5. */
  patience?: number;
  /** Default 1e-4: on nearly separable segments the loss creeps down for dozens of epochs without changing a prediction. */
  minDelta?: number;
  /** Stratified share of all rows held out for the reported accuracy. Default 0.2. */
  testFraction?: number;
  /** The held-out rows are at most this many (a smaller share of large data). Default 20,000. */
  testRows?: number;
  /** Stratified share of the training sample used for early stopping. Default 0.2. */
  validationFraction?: number;
  /** Train + validation use at most this many non-test rows (a seeded stratified sample). Default 10,000. */
  trainingRows?: number;
}

export type ClassifierSettings = Required<Omit<ClassifierOptions, "hyperParameters" | "batchSize">> & {
  hyperParameters: ClassifierHyperParameters;
  batchSize: number | "auto";
};

export const DEFAULT_HYPER_PARAMETERS: ClassifierHyperParameters = { units: [64, 128, 64], learningRate: 1e-3, dropout: 0.3 };

/**
 * The seed project's 32 rows per step, doubling (up to 256) while an epoch would take more
 * than 8 steps. In tfjs-wasm a step of this small network costs a roughly fixed 10-20 ms of
 * per-kernel overhead (Adam alone is ~100 kernels) up to batches of a few hundred rows, so the
 * step count, not the row count, sets the time of an epoch. On the real file (1,434 training
 * rows) 256 rows a step trained in 0.8 s instead of 1.35 s at 32, with held-out accuracy
 * 0.975 instead of 0.973.
 */
export function autoBatchSize(trainRows: number): number {
  let size = 32;
  while (size < 256 && trainRows / size > 8) size *= 2;
  return size;
}

/** Adam's default step for a batch size: the seed project's 1e-3 at 32 rows, growing with the square root of the batch (fewer, less noisy steps). */
export function defaultLearningRate(batchSize: number): number {
  return Number((DEFAULT_HYPER_PARAMETERS.learningRate * Math.sqrt(batchSize / 32)).toPrecision(3));
}

export interface PreparedRun {
  tf: Tf;
  X: Float64Array;
  labels: Int32Array;
  columns: number;
  k: number;
  splits: ClassifierSplits;
  settings: ClassifierSettings;
  batchSize: number;
  /** Seeds the initialisers, the batch order and the dropout masks. */
  trainingSeed: number;
}

export async function prepareRun(X: Float64Array, labels: Int32Array, k: number, options: ClassifierOptions, where: string): Promise<PreparedRun> {
  const columns = checkInputs(X, labels, k, where);
  const settings = checkOptions(options, where);
  const rng = createRng(settings.seed);
  const splits = planSplits(labels, k, settings, createRng(rng.seed()));
  const batchSize = settings.batchSize === "auto" ? autoBatchSize(splits.train.length) : settings.batchSize;
  if (options.hyperParameters?.learningRate === undefined) settings.hyperParameters.learningRate = defaultLearningRate(batchSize);
  return { tf: await loadTf(), X, labels, columns, k, splits, settings, batchSize, trainingSeed: rng.seed() };
}

/** Trains one network on the run's train rows with early stopping on its validation rows; the caller disposes the model. */
export function trainCandidate(run: PreparedRun, hyper: ClassifierHyperParameters): { model: LayersModel; outcome: TrainingOutcome } {
  const { tf, X, labels, columns, k, splits, settings } = run;
  checkHyperParameters(hyper, "trainCandidate");
  const rng = createRng(run.trainingSeed);
  const labelled = (rows: number[]) => {
    const subset = Int32Array.from(rows, (row) => labels[row]);
    return { x: toRowsTensor(tf, X, columns, rows), y: tf.tensor1d(subset, "int32"), labels: subset };
  };
  const train = labelled(splits.train);
  const validation = labelled(splits.validation);
  const model = buildNetwork(tf, columns, k, hyper, rng);
  try {
    const { maxEpochs, patience, minDelta } = settings;
    const outcome = trainNetwork(tf, model, k, train, validation, hyper, { batchSize: run.batchSize, maxEpochs, patience, minDelta }, rng);
    return { model, outcome };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    [train.x, train.y, validation.x, validation.y].forEach((t) => t.dispose());
  }
}

function checkInputs(X: Float64Array, labels: Int32Array, k: number, where: string): number {
  if (!(X instanceof Float64Array)) throw new Error(`${where}: X must be a Float64Array (n × d, row-major)`);
  if (!(labels instanceof Int32Array)) throw new Error(`${where}: labels must be an Int32Array`);
  if (!Number.isInteger(k) || k < 2) throw new Error(`${where}: k must be an integer ≥ 2, got ${k}`);
  if (labels.length === 0 || X.length % labels.length !== 0 || X.length === 0) {
    throw new Error(`${where}: X has ${X.length} values, not a whole number of features for ${labels.length} labels`);
  }
  const columns = X.length / labels.length;
  for (let i = 0; i < labels.length; i++) {
    if (!(labels[i] >= 0 && labels[i] < k)) throw new Error(`${where}: label ${labels[i]} at row ${i} is outside 0..${k - 1}`);
  }
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i])) throw new Error(`${where}: X at row ${Math.floor(i / columns)}, column ${i % columns} is ${X[i]}`);
  }
  return columns;
}

function checkOptions(options: ClassifierOptions, where: string): ClassifierSettings {
  const settings: ClassifierSettings = {
    maxEpochs: 100,
    patience: 5,
    minDelta: 1e-4,
    testFraction: 0.2,
    testRows: 20_000,
    validationFraction: 0.2,
    trainingRows: 10_000,
    batchSize: "auto",
    ...definedOnly(options),
    seed: options.seed,
    hyperParameters: { ...DEFAULT_HYPER_PARAMETERS, ...definedOnly(options.hyperParameters ?? {}) },
  };
  if (!Number.isFinite(settings.seed)) throw new Error(`${where}: seed must be a number, got ${settings.seed}`);
  const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;
  if (!positiveInteger(settings.maxEpochs)) throw new Error(`${where}: maxEpochs must be a positive integer, got ${settings.maxEpochs}`);
  if (!positiveInteger(settings.patience)) throw new Error(`${where}: patience must be a positive integer, got ${settings.patience}`);
  if (!(settings.minDelta >= 0)) throw new Error(`${where}: minDelta must be ≥ 0, got ${settings.minDelta}`);
  for (const name of ["testFraction", "validationFraction"] as const) {
    if (!(settings[name] > 0 && settings[name] < 1)) throw new Error(`${where}: ${name} must be in (0, 1), got ${settings[name]}`);
  }
  for (const name of ["trainingRows", "testRows"] as const) {
    if (!(Number.isInteger(settings[name]) && settings[name] >= 2)) throw new Error(`${where}: ${name} must be an integer ≥ 2, got ${settings[name]}`);
  }
  if (settings.batchSize !== "auto" && !positiveInteger(settings.batchSize))
    throw new Error(`${where}: batchSize must be a positive integer or "auto", got ${settings.batchSize}`);
  checkHyperParameters(settings.hyperParameters, where);
  return settings;
}

/** Drops keys set to undefined so they do not override defaults. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function checkHyperParameters(hyper: ClassifierHyperParameters, where: string): void {
  if (hyper.units.length === 0 || !hyper.units.every((u) => Number.isInteger(u) && u >= 1))
    throw new Error(`${where}: units must be positive integers, got [${hyper.units.join(", ")}]`);
  if (!(hyper.learningRate > 0)) throw new Error(`${where}: learningRate must be > 0, got ${hyper.learningRate}`);
  if (!(hyper.dropout >= 0 && hyper.dropout < 1)) throw new Error(`${where}: dropout must be in [0, 1), got ${hyper.dropout}`);
}
