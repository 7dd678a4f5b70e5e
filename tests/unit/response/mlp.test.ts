import { beforeAll, describe, expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { sigmoid } from "@/lib/ml/response/logistic";
import { rocAuc } from "@/lib/ml/response/metrics";
import { autoBatchSize, fitMlp } from "@/lib/ml/response/mlp";
import { predictMlp, type MlpModel } from "@/lib/ml/response/mlpModel";
import { loadTf } from "@/lib/ml/tf";

/** Four standard-normal features; labels from σ(−1 + 2·x₀ − x₁). */
function simulate(n: number, seed: number) {
  const rng = createRng(seed);
  const matrix = new Float64Array(n * 4);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) matrix[i * 4 + j] = rng.normal();
    labels[i] = rng.next() < sigmoid(-1 + 2 * matrix[i * 4] - matrix[i * 4 + 1]) ? 1 : 0;
  }
  return { matrix, labels };
}

const train = simulate(600, 1);
const test_ = simulate(400, 2);
const options = { maxEpochs: 40, patience: 5 };

describe("MLP", () => {
  let model: MlpModel;
  let predictions: Float64Array;
  let tensorsBefore: number;

  beforeAll(async () => {
    const tf = await loadTf();
    tensorsBefore = tf.memory().numTensors;
    model = await fitMlp(train.matrix, 4, train.labels, { ...options, seed: 5 });
    predictions = await predictMlp(model, test_.matrix, 4);
  });

  test("ranks held-out customers well on a learnable problem", () => {
    // The true model's AUC here is about 0.9; a working network gets well above 0.8.
    expect(rocAuc(test_.labels, predictions)).toBeGreaterThan(0.8);
  });

  test("the same seed gives the same predictions", async () => {
    const again = await fitMlp(train.matrix, 4, train.labels, { ...options, seed: 5 });
    expect(await predictMlp(again, test_.matrix, 4)).toEqual(predictions);
  });

  test("another seed gives other weights", async () => {
    const other = await fitMlp(train.matrix, 4, train.labels, { ...options, seed: 6, maxEpochs: 2 });
    expect(other.weights[0].values).not.toEqual(model.weights[0].values);
  });

  test("survives a JSON round trip and scores the same", async () => {
    const restored = JSON.parse(JSON.stringify(model)) as MlpModel;
    expect(await predictMlp(restored, test_.matrix, 4)).toEqual(predictions);
  });

  test("stops early and keeps the best epoch's weights", () => {
    expect(model.bestEpoch).toBeGreaterThan(0);
    expect(model.epochsRun).toBeLessThanOrEqual(Math.min(options.maxEpochs, model.bestEpoch + options.patience));
  });

  test("leaves no tensors behind", async () => {
    const tf = await loadTf();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  test("refuses a matrix with the wrong number of features", async () => {
    await expect(predictMlp(model, new Float64Array(6), 3)).rejects.toThrow(/takes 4 features/);
  });
});

test.each([
  [1_000, 256],
  [2_048, 256],
  [2_049, 512],
  [4_096, 512],
  [8_000, 1024],
  [1_000_000, 1024],
])("auto batch size for %d training rows is %d", (rows, size) => {
  expect(autoBatchSize(rows)).toBe(size);
});
