/**
 * A stack of dense layers as plain data, and its forward pass in plain TypeScript. Stored
 * networks (the autoencoder, the segment classifier, the response MLP) score new rows with
 * it, synchronously and without TensorFlow: for the few rows an API call brings, building
 * and running a tfjs model costs far more than the arithmetic.
 */
import type { DenseMatrix } from "@/lib/ml/segmentation/matrix";

export type Activation = "relu" | "linear" | "sigmoid" | "softmax";

export interface DenseLayer {
  inputSize: number;
  units: number;
  activation: Activation;
  /** inputSize × units, row-major (tfjs's kernel layout). */
  kernel: number[];
  bias: number[];
}

export type DenseNet = (matrix: DenseMatrix) => DenseMatrix;

/** The layers with their weights as typed arrays, ready to run many matrices. */
export function compileDenseNet(layers: readonly DenseLayer[]): DenseNet {
  if (layers.length === 0) throw new Error("forward: no layers");
  const typed = layers.map((layer) => ({ ...layer, kernel: Float64Array.from(layer.kernel), bias: Float64Array.from(layer.bias) }));
  const width = Math.max(...layers.map((layer) => Math.max(layer.inputSize, layer.units)));
  const inputs = layers[0].inputSize;
  const outColumns = layers[layers.length - 1].units;
  return (matrix) => {
    if (inputs !== matrix.columns) throw new Error(`forward: the network takes ${inputs} columns, got ${matrix.columns}`);
    let input = new Float64Array(width);
    let output = new Float64Array(width);
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
        activate(activation, output, units);
        [input, output] = [output, input];
      }
      out.set(input.subarray(0, outColumns), i * outColumns);
    }
    return { data: out, rows: matrix.rows, columns: outColumns };
  };
}

/** Runs every row through the layers, in order. */
export function forward(layers: readonly DenseLayer[], matrix: DenseMatrix): DenseMatrix {
  return compileDenseNet(layers)(matrix);
}

function activate(activation: Activation, values: Float64Array, units: number): void {
  if (activation === "relu") {
    for (let u = 0; u < units; u++) if (values[u] < 0) values[u] = 0;
  } else if (activation === "sigmoid") {
    for (let u = 0; u < units; u++) values[u] = 1 / (1 + Math.exp(-values[u]));
  } else if (activation === "softmax") {
    let max = -Infinity;
    for (let u = 0; u < units; u++) max = Math.max(max, values[u]);
    let sum = 0;
    for (let u = 0; u < units; u++) sum += values[u] = Math.exp(values[u] - max);
    for (let u = 0; u < units; u++) values[u] /= sum;
  }
}
