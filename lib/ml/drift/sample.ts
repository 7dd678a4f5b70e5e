/**
 * Wasserstein-1 and Kolmogorov–Smirnov between two samples, and the compact sorted sample the
 * reference keeps for them.
 *
 * Approximation of the sketch. With n present values and sketch size Q < n, atom i is the order
 * statistic at rank ⌊(i + ½)·n/Q⌋, so each atom stands for a block of about n/Q neighbouring
 * values. Moving every block onto its atom costs at most (1/Q)·(block max − block min), hence
 * the sketch is within (max − min)/Q of the full sample in Wasserstein-1 (in practice far less:
 * only blocks that straddle a gap contribute), and its CDF is within ½/Q of the empirical CDF,
 * so the KS statistic moves by at most ½/Q (≈ 0.0005 for Q = 1,000). With n ≤ Q the sketch is
 * the sample itself and both metrics are exact.
 */

export function sortedSketch(sorted: Float64Array, size: number): number[] {
  if (sorted.length <= size) return Array.from(sorted);
  const sketch = new Array<number>(size);
  for (let i = 0; i < size; i++) sketch[i] = sorted[Math.floor(((i + 0.5) * sorted.length) / size)];
  return sketch;
}

export interface SampleDistance {
  /** sup |F_a − F_b| over the two empirical CDFs. */
  ks: number;
  /** ∫ |F_a − F_b| dx, the Wasserstein-1 distance of the empirical distributions. */
  wasserstein: number;
}

/** Both distances in one merge of two ascending, non-empty samples (equal weight per value). */
export function sampleDistance(a: ArrayLike<number>, b: ArrayLike<number>): SampleDistance {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new Error("sampleDistance: both samples need at least one value");
  let i = 0;
  let j = 0;
  let ks = 0;
  let wasserstein = 0;
  while (i < n || j < m) {
    const x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    // Step past every copy of x on both sides, so ties move the two CDFs together.
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > ks) ks = gap;
    const next = Math.min(i < n ? a[i] : Infinity, j < m ? b[j] : Infinity);
    if (next !== Infinity) wasserstein += gap * (next - x);
  }
  return { ks, wasserstein };
}
