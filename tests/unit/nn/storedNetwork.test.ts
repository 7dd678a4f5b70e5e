import { describe, expect, test } from "vitest";
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { forward } from "@/lib/ml/denseNet";
import { readDenseLayers, type StoredNetwork } from "@/lib/ml/storedNetwork";
import { createRng } from "@/lib/ml/random";
import { loadTf, type Tf } from "@/lib/ml/tf";

/** A model stored as runs store them: topology JSON and every weight by name, with random values (batch-norm statistics included). */
function store(tf: Tf, model: LayersModel, seed: number): StoredNetwork {
  const rng = createRng(seed);
  model.setWeights(
    model.getWeights().map((current, i) => {
      // Variances must be positive; everything else is centred noise.
      const variance = model.weights[i].originalName.endsWith("moving_variance");
      return tf.tensor(
        Float32Array.from({ length: current.size }, () => (variance ? 0.2 + rng.next() : rng.normal())),
        current.shape,
      );
    }),
  );
  return {
    topology: JSON.parse(JSON.stringify(model.toJSON(null, false))),
    weights: model.getWeights().map((tensor, i) => ({ name: model.weights[i].originalName, shape: [...tensor.shape], values: Array.from(tensor.dataSync()) })),
  };
}

function randomRows(rows: number, columns: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * columns }, () => rng.normal() * 2);
}

async function agree(build: (tf: Tf) => LayersModel, columns: number) {
  const tf = await loadTf();
  const model = build(tf);
  const saved = store(tf, model, 3);
  const data = randomRows(50, columns, 4);
  const expected = (model.predict(tf.tensor2d(Float32Array.from(data), [50, columns])) as Tensor).dataSync();
  const actual = forward(readDenseLayers(saved), { data, rows: 50, columns }).data;
  model.dispose();
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(2e-5);
  return actual;
}

describe("stored tfjs networks as plain dense layers", () => {
  test("Dense → BatchNormalization → ReLU → Dropout, then a sigmoid (the response MLP) gives tfjs's predictions", async () => {
    const probabilities = await agree((tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ inputShape: [6], units: 8 }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({ activation: "relu" }));
      model.add(tf.layers.dropout({ rate: 0.5 }));
      model.add(tf.layers.dense({ units: 1, activation: "sigmoid" }));
      return model;
    }, 6);
    expect(Math.min(...probabilities)).toBeGreaterThan(0);
    expect(Math.max(...probabilities)).toBeLessThan(1);
  });

  test("ReLU layers with dropout and a softmax output (the segment classifier) give tfjs's probabilities", async () => {
    const probabilities = await agree((tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ inputShape: [5], units: 7, activation: "relu", name: "hidden_1" }));
      model.add(tf.layers.dropout({ rate: 0.3, name: "dropout_1" }));
      model.add(tf.layers.dense({ units: 3, activation: "softmax", name: "output" }));
      return model;
    }, 5);
    for (let row = 0; row < 50; row++) expect(probabilities[row * 3] + probabilities[row * 3 + 1] + probabilities[row * 3 + 2]).toBeCloseTo(1, 12);
  });

  test("a layer it cannot run is refused by name", async () => {
    const tf = await loadTf();
    const model = tf.sequential();
    model.add(tf.layers.dense({ inputShape: [4], units: 3 }));
    model.add(tf.layers.leakyReLU({ name: "leaky" }));
    const saved = store(tf, model, 5);
    model.dispose();
    expect(() => readDenseLayers(saved)).toThrow(/unsupported layer LeakyReLU \(leaky\)/);
  });
});
