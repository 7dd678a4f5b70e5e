/**
 * Nelder–Mead simplex search with the dimension-adaptive coefficients of Gao & Han (2012).
 * Derivative-free and slow, but it does not care about noisy or non-finite values, which is
 * why the BFGS minimiser falls back to it.
 */
export interface NelderMeadOptions {
  /** Initial simplex edge along each coordinate. */
  initialStep?: number;
  /** Stop when all vertex values agree to this (absolute + relative to |f|) … */
  valueTolerance?: number;
  /** … and the simplex fits in a box of this size. */
  pointTolerance?: number;
  maxIterations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const step = options.initialStep ?? 0.1;
  const valueTolerance = options.valueTolerance ?? 1e-13;
  const pointTolerance = options.pointTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const [reflect, expand, contract] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n)];
  const shrink = n > 1 ? 1 - 1 / n : 0.5;

  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = x0.slice();
    vertex[i] += step * Math.max(1, Math.abs(vertex[i]));
    simplex.push(vertex);
  }
  const values = simplex.map(value);
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i] - v));

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sorted = order.map((i) => simplex[i]);
    const sortedValues = order.map((i) => values[i]);
    simplex.splice(0, n + 1, ...sorted);
    values.splice(0, n + 1, ...sortedValues);
    if (hasConverged(simplex, values, valueTolerance, pointTolerance)) {
      converged = true;
      break;
    }
    iterations++;

    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i] += simplex[v][i] / n;
    const worst = simplex[n];
    const reflected = along(centroid, worst, -reflect);
    const reflectedValue = value(reflected);
    if (reflectedValue < values[0]) {
      const expanded = along(centroid, worst, -expand);
      const expandedValue = value(expanded);
      const takeExpanded = expandedValue < reflectedValue;
      simplex[n] = takeExpanded ? expanded : reflected;
      values[n] = takeExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < values[n];
    const contracted = along(centroid, worst, outside ? -contract : contract);
    const contractedValue = value(contracted);
    if (contractedValue < (outside ? reflectedValue : values[n])) {
      simplex[n] = contracted;
      values[n] = contractedValue;
      continue;
    }
    for (let v = 1; v <= n; v++) {
      simplex[v] = along(simplex[0], simplex[v], shrink);
      values[v] = value(simplex[v]);
    }
  }
  let best = 0;
  for (let v = 1; v <= n; v++) if (values[v] < values[best]) best = v;
  return { x: simplex[best], value: values[best], iterations, evaluations, converged };
}

function hasConverged(simplex: number[][], values: number[], valueTolerance: number, pointTolerance: number): boolean {
  const spread = values[values.length - 1] - values[0];
  if (!(spread <= valueTolerance * (1 + Math.abs(values[0])))) return false;
  for (let v = 1; v < simplex.length; v++) {
    for (let i = 0; i < simplex[0].length; i++) {
      if (Math.abs(simplex[v][i] - simplex[0][i]) > pointTolerance * Math.max(1, Math.abs(simplex[0][i]))) return false;
    }
  }
  return true;
}
