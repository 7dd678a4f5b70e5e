/** Rank statistics for the CLV backtest: Spearman's correlation and the value share of a top slice. */

/** Ranks 1..n; tied values share the mean of the ranks they span. Native numeric sort and binary search: fast at a million rows. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const below = firstAtLeast(sorted, values[i]);
    const through = firstAbove(sorted, values[i], below);
    ranks[i] = (below + 1 + through) / 2;
  }
  return ranks;
}

function firstAtLeast(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAbove(sorted: Float64Array, value: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks, so ties are handled
 * exactly. A constant column ranks nothing, which gives 0 (no association shown), not NaN.
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`spearman: columns of ${a.length} and ${b.length} values`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) throw new RangeError(`spearman: value at index ${i} is not finite`);
  }
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i] - mean) * (rb[i] - mean);
    va += (ra[i] - mean) ** 2;
    vb += (rb[i] - mean) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/**
 * Share of the total of `value` held by the top `fraction` of rows (rounded up) ranked by `score`,
 * highest first; rows tied on score keep their input order, so the result is deterministic.
 */
export function measureTopShare(score: ArrayLike<number>, value: ArrayLike<number>, fraction: number): number {
  if (score.length !== value.length) throw new RangeError(`measureTopShare: ${score.length} scores and ${value.length} values`);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`measureTopShare: fraction must be in (0, 1], got ${fraction}`);
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    if (!Number.isFinite(score[i]) || !Number.isFinite(value[i])) throw new RangeError(`measureTopShare: value at index ${i} is not finite`);
    total += value[i];
  }
  if (!(total > 0)) throw new RangeError("measureTopShare: the values do not sum to a positive total");
  const top = Math.ceil(fraction * score.length);
  // The top-th highest score is the threshold: everything above it is in, ties at it enter in input order.
  const threshold = Float64Array.from(score).sort()[score.length - top];
  let above = 0;
  for (let i = 0; i < score.length; i++) if (score[i] > threshold) above++;
  let sum = 0;
  let atThreshold = top - above;
  for (let i = 0; i < score.length; i++) {
    if (score[i] > threshold) sum += value[i];
    else if (score[i] === threshold && atThreshold > 0) {
      sum += value[i];
      atThreshold--;
    }
  }
  return sum / total;
}
