/** Quantile bins for PSI: cut points from the reference, counts from any sorted sample. */

/** Number of values ≤ x in an ascending array (binary search). */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The p-quantile with linear interpolation between order statistics (numpy's default). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Distinct values of an ascending array, or null as soon as there are more than `limit`. */
function distinctUpTo(sorted: Float64Array, limit: number): number[] | null {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    if (distinct.length === limit) return null;
    distinct.push(sorted[i]);
  }
  return distinct;
}

/**
 * Right-closed cut points for `bins` quantile bins of a sorted sample. Deciles (for bins = 10)
 * of tied data repeat, so duplicates collapse and the column gets fewer bins; a tie then stays
 * in one bin because bins are right-closed. A column with at most `bins` distinct values gets
 * one bin per value instead: deciles would merge a minority value with its neighbour (a 0/1
 * flag that is 95% ones has every decile at 1) and PSI would never see that share move.
 */
export function quantileBinEdges(sorted: Float64Array, bins: number): number[] {
  if (sorted.length === 0) return [];
  const distinct = distinctUpTo(sorted, bins);
  if (distinct) return distinct.slice(0, -1);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = quantileOfSorted(sorted, i / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/**
 * Relative distance within which a value counts as on an edge. Edges are data values, often
 * shared by a tie group, and a stored reference can come back a last digit off (Prisma writes
 * JSON numbers through a parser that is not correctly rounded): an exact test would then move
 * the whole tie group to the next bin and report drift on unchanged data.
 */
const EDGE_TOLERANCE = 1e-12;

/** Counts of a sorted sample in the bins cut at `edges` (edges.length + 1 bins). */
export function binCounts(sorted: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts: number[] = [];
  let below = 0;
  for (const edge of edges) {
    const atMost = countAtMost(sorted, edge + Math.abs(edge) * EDGE_TOLERANCE);
    counts.push(atMost - below);
    below = atMost;
  }
  counts.push(sorted.length - below);
  return counts;
}
