/**
 * The compact targeting aggregate stored on each run (summary.targeting): per segment, a
 * histogram of response probability in fine bins with the count and the sum of p in each.
 * The campaign planner answers every audience question from it, so it never scans a
 * million scores at request time. Pure.
 *
 * The bins are a uniform grid (the planner's slider steps) with extra edges cut into it: the
 * recommended campaign's threshold is one, so the audience at it — and the most profitable cut
 * the planner finds — are exact counts and sums, not an interpolation inside a bin.
 */
export const TARGETING_BINS = 200;

export interface SegmentHistogram {
  segmentKey: number;
  /** Customers per bin; bin b holds p from its lower edge up to the next, the last bin includes 1. */
  counts: number[];
  /** Sum of p per bin, i.e. the expected responders in it. */
  sums: number[];
}

export interface TargetingAggregate {
  /** The uniform grid: edges at multiples of 1 / bins. */
  bins: number;
  /** Extra edges inside the grid; absent on runs written before them (uniform bins only). */
  cuts?: number[];
  segments: SegmentHistogram[];
  /** Customers without a response probability, left out of every audience. */
  unscored: number;
}

/** Lower edges of the bins, ascending: the grid's, with each cut strictly inside (0, 1) merged in. */
export function computeBinEdges(bins: number, cuts: readonly number[] = []): number[] {
  const edges = Array.from({ length: bins }, (_, b) => b / bins);
  for (const cut of cuts) if (cut > 0 && cut < 1 && !edges.includes(cut)) edges.push(cut);
  return edges.sort((a, b) => a - b);
}

/** The bin holding p: the last lower edge at or below it (the first bin below 0). */
export function findBin(probability: number, edges: readonly number[]): number {
  let low = 0;
  let high = edges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edges[middle] <= probability) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface TargetingOptions {
  bins?: number;
  /** Extra edges, e.g. the recommended campaign's threshold. */
  cuts?: readonly number[];
}

/** One pass over the scores; `segmentKeys[i]` and `probabilities[i]` describe customer i. */
export function buildTargeting(segmentKeys: ArrayLike<number>, probabilities: ArrayLike<number>, options: TargetingOptions = {}): TargetingAggregate {
  const { bins = TARGETING_BINS, cuts = [] } = options;
  if (segmentKeys.length !== probabilities.length) throw new Error("buildTargeting: segment keys and probabilities differ in length");
  if (!Number.isInteger(bins) || bins < 1) throw new Error("buildTargeting: bins must be a positive integer");
  const inside = cuts.filter((cut) => cut > 0 && cut < 1);
  const edges = computeBinEdges(bins, inside);
  const bySegment = new Map<number, SegmentHistogram>();
  let unscored = 0;
  for (let i = 0; i < segmentKeys.length; i++) {
    const p = probabilities[i];
    if (!Number.isFinite(p)) {
      unscored++;
      continue;
    }
    let histogram = bySegment.get(segmentKeys[i]);
    if (!histogram) {
      histogram = { segmentKey: segmentKeys[i], counts: new Array<number>(edges.length).fill(0), sums: new Array<number>(edges.length).fill(0) };
      bySegment.set(segmentKeys[i], histogram);
    }
    const bin = findBin(p, edges);
    histogram.counts[bin]++;
    histogram.sums[bin] += p;
  }
  const segments = [...bySegment.values()].sort((a, b) => a.segmentKey - b.segmentKey);
  return { bins, ...(inside.length ? { cuts: inside } : {}), segments, unscored };
}
