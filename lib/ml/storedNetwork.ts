/**
 * A tfjs Sequential model as it is stored with a run (model.toJSON() topology plus named
 * weights), turned into plain dense layers for lib/ml/denseNet. At inference Dropout passes
 * values through, and BatchNormalization is an affine map per unit, folded here into the
 * Dense layer before it; an Activation layer sets the activation of that Dense layer.
 */
import type { Activation, DenseLayer } from "./denseNet";

export interface StoredNetwork {
  topology: Record<string, unknown>;
  weights: { name: string; shape: number[]; values: number[] }[];
}

interface LayerJson {
  class_name: string;
  config: {
    name: string;
    units?: number;
    activation?: string;
    use_bias?: boolean;
    epsilon?: number;
    center?: boolean;
    scale?: boolean;
    axis?: number | number[];
  };
}

const ACTIVATIONS: readonly Activation[] = ["relu", "linear", "sigmoid", "softmax"];

export function readDenseLayers(saved: StoredNetwork): DenseLayer[] {
  const weights = new Map(saved.weights.map((weight) => [weight.name, weight]));
  const weight = (layer: string, name: string) => {
    const found = weights.get(`${layer}/${name}`);
    if (!found) throw new Error(`stored network: no weight ${layer}/${name}`);
    return found;
  };
  const layers: DenseLayer[] = [];
  const last = (what: string) => {
    const layer = layers.at(-1);
    if (!layer || layer.activation !== "linear") throw new Error(`stored network: ${what} must follow a Dense layer without activation`);
    return layer;
  };
  for (const { class_name: kind, config } of (saved.topology.config as { layers: LayerJson[] }).layers) {
    if (kind === "Dense") {
      const kernel = weight(config.name, "kernel");
      const [inputSize, units] = kernel.shape;
      const bias = config.use_bias === false ? new Array<number>(units).fill(0) : [...weight(config.name, "bias").values];
      layers.push({ inputSize, units, activation: findActivation(config.activation), kernel: [...kernel.values], bias });
    } else if (kind === "BatchNormalization") {
      const axis = config.axis ?? -1;
      if (axis !== -1 && !(Array.isArray(axis) && axis.length === 1 && axis[0] === -1))
        throw new Error(`stored network: batch normalisation over axis ${JSON.stringify(axis)}`);
      foldBatchNorm(last("BatchNormalization"), {
        mean: weight(config.name, "moving_mean").values,
        variance: weight(config.name, "moving_variance").values,
        gamma: config.scale === false ? null : weight(config.name, "gamma").values,
        beta: config.center === false ? null : weight(config.name, "beta").values,
        epsilon: config.epsilon ?? 1e-3,
      });
    } else if (kind === "Activation") {
      last("Activation").activation = findActivation(config.activation);
    } else if (kind !== "Dropout") {
      throw new Error(`stored network: unsupported layer ${kind} (${config.name})`);
    }
  }
  return layers;
}

function findActivation(name: string | undefined): Activation {
  const activation = (name ?? "linear") as Activation;
  if (!ACTIVATIONS.includes(activation)) throw new Error(`stored network: unsupported activation ${name}`);
  return activation;
}

/** y = γ (x − μ) / √(σ² + ε) + β per unit, with x = W·in + b: scale the unit's kernel column and bias. */
function foldBatchNorm(layer: DenseLayer, norm: { mean: number[]; variance: number[]; gamma: number[] | null; beta: number[] | null; epsilon: number }): void {
  for (let u = 0; u < layer.units; u++) {
    const scale = (norm.gamma?.[u] ?? 1) / Math.sqrt(norm.variance[u] + norm.epsilon);
    for (let a = 0; a < layer.inputSize; a++) layer.kernel[a * layer.units + u] *= scale;
    layer.bias[u] = (layer.bias[u] - norm.mean[u]) * scale + (norm.beta?.[u] ?? 0);
  }
}
