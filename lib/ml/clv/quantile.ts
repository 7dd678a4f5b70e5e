/**
 * Order statistics of small samples without a full sort (quickselect), for the per-customer
 * quantiles of CLV draws.
 */

/**
 * Quantile with linear interpolation between order statistics (type 7, numpy's default) at
 * 0-based rank `rank`, by quickselect; reorders `values`. Cheaper than sorting every customer's draws.
 */
export function quantileInPlace(values: Float64Array, rank: number): number {
  const below = Math.floor(rank);
  const lower = selectInPlace(values, below);
  if (below === rank || below + 1 >= values.length) return lower;
  // After selection everything right of `below` is >= lower: the next order statistic is their minimum.
  let upper = Infinity;
  for (let i = below + 1; i < values.length; i++) if (values[i] < upper) upper = values[i];
  return lower + (rank - below) * (upper - lower);
}

/** Hoare-style quickselect: puts the k-th smallest at index k, smaller before, larger after. */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = medianOfThree(values[left], values[(left + right) >> 1], values[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
