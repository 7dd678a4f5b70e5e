/**
 * Chebyshev interpolation on an interval: sample a smooth function at the Chebyshev points,
 * then evaluate the interpolant anywhere in the interval with Clenshaw's recurrence. For
 * functions analytic near the interval the error falls geometrically with the number of points.
 */

/** The n Chebyshev points of the first kind mapped onto [lo, hi]. */
export function chebyshevPoints(n: number, lo: number, hi: number): Float64Array {
  const points = new Float64Array(n);
  for (let j = 0; j < n; j++) points[j] = 0.5 * (lo + hi) + 0.5 * (hi - lo) * Math.cos((Math.PI * (j + 0.5)) / n);
  return points;
}

/**
 * Coefficients c_0..c_{n−1} (c_0 already halved) of the interpolant through values at
 * chebyshevPoints(n, …), written into `out` from `offset`.
 */
export function chebyshevCoefficients(values: Float64Array, out: Float64Array, offset = 0): void {
  const n = values.length;
  const cosines = cosineTable(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += values[j] * cosines[k * n + j];
    out[offset + k] = ((k === 0 ? 1 : 2) / n) * sum;
  }
}

// cos(πk(j + ½)/n) for each n in use: the coefficients are recomputed for every parameter draw.
const cosineTables = new Map<number, Float64Array>();

function cosineTable(n: number): Float64Array {
  let table = cosineTables.get(n);
  if (table === undefined) {
    table = new Float64Array(n * n);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) table[k * n + j] = Math.cos((Math.PI * k * (j + 0.5)) / n);
    cosineTables.set(n, table);
  }
  return table;
}

/** Σ c_k T_k(y) for coefficients[offset .. offset + n), where y ∈ [−1, 1] is the mapped argument. */
export function chebyshevEvaluate(coefficients: Float64Array, offset: number, n: number, y: number): number {
  let next = 0;
  let current = 0;
  const twoY = 2 * y;
  for (let k = offset + n - 1; k > offset; k--) {
    const previous = current;
    current = twoY * current - next + coefficients[k];
    next = previous;
  }
  return y * current - next + coefficients[offset];
}

/** Maps u ∈ [lo, hi] onto [−1, 1]. */
export function toUnitInterval(u: number, lo: number, hi: number): number {
  return (2 * u - lo - hi) / (hi - lo);
}
