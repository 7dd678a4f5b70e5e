import { expect, test } from "vitest";
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { buildTrainingGraph, computeTrainingLoss } from "@/lib/ml/response/mlpTraining";
import { loadTf, type Tf } from "@/lib/ml/tf";

const tf = await loadTf();

function smallModel(tf: Tf): LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [3], units: 5, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.activation({ activation: "relu" }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return model;
}

const x = tf.tensor2d([0.5, -1, 2, 1.5, 0.3, -0.7, -2, 0.1, 0.4, 0.9, 1.1, -0.2, -0.3, -1.4, 0.8, 1.2, 0.6, 0.0], [6, 3]);
const y = tf.tensor1d([1, 0, 0, 1, 0, 1]);
const w = tf.tensor1d([2, 1, 1, 2, 1, 2]);
/** A fixed dropout mask (keep = 2, drop = 0) so both passes drop the same units. */
const mask = tf.tensor2d(
  Array.from({ length: 30 }, (_, k) => (k % 3 === 0 ? 0 : 2)),
  [6, 5],
);

test("the hand-written batch-norm gradient equals tfjs's automatic one", () => {
  const model = smallModel(tf);
  const graph = buildTrainingGraph(tf, model);
  const mine = tf.variableGrads(() => computeTrainingLoss(graph, x, y, w, [null, null, null, mask, null]) as never, graph.trainable);
  const reference = tf.variableGrads(() => {
    // tfjs-layers' own training pass, with the same dropout mask applied by hand.
    const [dense, batchNorm, relu, , output] = model.layers;
    let h = relu.apply(batchNorm.apply(dense.apply(x), { training: true })) as Tensor;
    h = output.apply(h.mul(mask)) as Tensor;
    const p = h.reshape([-1]);
    return y
      .mul(p.log())
      .add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p).log()))
      .neg()
      .mul(w)
      .mean() as never;
  }, graph.trainable);
  for (const name of Object.keys(reference.grads)) {
    const difference = tf.max(tf.abs(mine.grads[name].sub(reference.grads[name]))).dataSync()[0];
    expect(difference).toBeLessThan(1e-5);
  }
  model.dispose();
});

test("a training pass moves the running mean 1% of the way to the batch mean", () => {
  const model = smallModel(tf);
  const graph = buildTrainingGraph(tf, model);
  const [kernel, bias] = model.layers[0].getWeights();
  const batchMean = x.matMul(kernel).add(bias).mean(0);
  computeTrainingLoss(graph, x, y, w, [null, null, null, tf.onesLike(mask), null]);
  const movingMean = model.layers[1].getWeights()[2];
  // Starts at 0; momentum 0.99: 0 − (0 − mean)·0.01 = 0.01·mean.
  const difference = tf.max(tf.abs(movingMean.sub(batchMean.mul(0.01)))).dataSync()[0];
  expect(difference).toBeLessThan(1e-7);
  model.dispose();
});

test("refuses a layer it cannot train", () => {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [3], units: 2, activation: "tanh" }));
  expect(() => buildTrainingGraph(tf, model)).toThrow(/unsupported layer Dense/);
  model.dispose();
});
