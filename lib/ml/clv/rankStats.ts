/** Rank statistics for the CLV backtest: Spearman's correlation and the value share of a top slice. */

/** Ranks 1..n; tied values share the mean of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
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
export function topShare(score: ArrayLike<number>, value: ArrayLike<number>, fraction: number): number {
  if (score.length !== value.length) throw new RangeError(`topShare: ${score.length} scores and ${value.length} values`);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`topShare: fraction must be in (0, 1], got ${fraction}`);
  let total = 0;
  for (let i = 0; i < value.length; i++) total += value[i];
  if (!(total > 0)) throw new RangeError("topShare: the values do not sum to a positive total");
  const order = Array.from({ length: score.length }, (_, i) => i).sort((i, j) => score[j] - score[i] || i - j);
  const top = Math.ceil(fraction * score.length);
  let sum = 0;
  for (let k = 0; k < top; k++) sum += value[order[k]];
  return sum / total;
}
