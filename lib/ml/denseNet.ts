/**
 * A stack of dense layers as plain data, and its forward pass in plain TypeScript: a saved
 * autoencoder encodes new rows synchronously, without loading TensorFlow.
 */
import type { DenseMatrix } from "./matrix";

export type Activation = "relu" | "linear";

export interface DenseLayer {
  inputSize: number;
  units: number;
  activation: Activation;
  /** inputSize × units, row-major (tfjs's kernel layout). */
  kernel: number[];
  bias: number[];
}

/** Runs every row through the layers, in order. */
export function forward(layers: readonly DenseLayer[], matrix: DenseMatrix): DenseMatrix {
  if (layers.length === 0) throw new Error("forward: no layers");
  if (layers[0].inputSize !== matrix.columns) throw new Error(`forward: the network takes ${layers[0].inputSize} columns, got ${matrix.columns}`);
  const typed = layers.map((layer) => ({ ...layer, kernel: Float64Array.from(layer.kernel), bias: Float64Array.from(layer.bias) }));
  const width = Math.max(...layers.map((layer) => Math.max(layer.inputSize, layer.units)));
  let input = new Float64Array(width);
  let output = new Float64Array(width);
  const outColumns = layers[layers.length - 1].units;
  const out = new Float64Array(matrix.rows * outColumns);
  for (let i = 0; i < matrix.rows; i++) {
    input.set(matrix.data.subarray(i * matrix.columns, (i + 1) * matrix.columns));
    for (const { inputSize, units, activation, kernel, bias } of typed) {
      output.set(bias.subarray(0, units));
      for (let a = 0; a < inputSize; a++) {
        const value = input[a];
        if (value === 0) continue;
        const at = a * units;
        for (let u = 0; u < units; u++) output[u] += value * kernel[at + u];
      }
      if (activation === "relu") for (let u = 0; u < units; u++) if (output[u] < 0) output[u] = 0;
      [input, output] = [output, input];
    }
    out.set(input.subarray(0, outColumns), i * outColumns);
  }
  return { data: out, rows: matrix.rows, columns: outColumns };
}
