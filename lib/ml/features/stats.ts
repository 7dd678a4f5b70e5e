/** Order statistics shared by the feature pipeline. */

/**
 * The p-quantiles (0 ≤ p ≤ 1) with linear interpolation between order statistics, the same
 * definition as numpy's default, so bounds can be checked by hand. One sort for all of them.
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  if (values.length === 0) return ps.map(() => Number.NaN);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const position = p * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  });
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
