/**
 * The compact targeting aggregate stored on each run (summary.targeting): per segment, a
 * histogram of response probability in fine bins with the count and the sum of p in each.
 * The campaign planner answers every audience question from it, so it never scans a
 * million scores at request time. Pure.
 */
export const TARGETING_BINS = 200;

export interface SegmentHistogram {
  segmentKey: number;
  /** Customers per bin; bin b holds p in [b / bins, (b + 1) / bins), the last bin includes 1. */
  counts: number[];
  /** Sum of p per bin, i.e. the expected responders in it. */
  sums: number[];
}

export interface TargetingAggregate {
  bins: number;
  segments: SegmentHistogram[];
  /** Customers without a response probability, left out of every audience. */
  unscored: number;
}

export function binOf(probability: number, bins: number = TARGETING_BINS): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(probability * bins)));
}

/** One pass over the scores; `segmentKeys[i]` and `probabilities[i]` describe customer i. */
export function buildTargeting(segmentKeys: ArrayLike<number>, probabilities: ArrayLike<number>, bins: number = TARGETING_BINS): TargetingAggregate {
  if (segmentKeys.length !== probabilities.length) throw new Error("buildTargeting: segment keys and probabilities differ in length");
  if (!Number.isInteger(bins) || bins < 1) throw new Error("buildTargeting: bins must be a positive integer");
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
      histogram = { segmentKey: segmentKeys[i], counts: new Array<number>(bins).fill(0), sums: new Array<number>(bins).fill(0) };
      bySegment.set(segmentKeys[i], histogram);
    }
    const bin = binOf(p, bins);
    histogram.counts[bin]++;
    histogram.sums[bin] += p;
  }
  const segments = [...bySegment.values()].sort((a, b) => a.segmentKey - b.segmentKey);
  return { bins, segments, unscored };
}
