/**
 * The campaign planner's arithmetic over a run's targeting aggregate: who is in the audience,
 * what mailing them is expected to bring, against mailing everyone and against a random pick
 * of the same size, the gains curve and the profit-maximising audience size. Pure.
 *
 * Within one bin every customer is taken to have the bin's mean probability, so audiences cut
 * inside a bin are interpolated linearly and profit peaks at a bin edge; the recommended
 * campaign's threshold is an edge (targeting.ts), so with its economics the peak is exactly it.
 */
import { computeCampaignOutcome, type CampaignOutcome, type Economics } from "./economics";
import { computeBinEdges, type TargetingAggregate } from "./targeting";

export interface CurvePoint {
  /** Everyone with p at or above this probability (a bin's lower edge) is contacted. */
  threshold: number;
  contacts: number;
  expectedResponders: number;
}

/** Cumulative contacts and expected responders from the highest bin down; starts at the empty audience. */
export function buildCumulativeCurve(aggregate: TargetingAggregate, segmentKeys: readonly number[] | null = null): CurvePoint[] {
  const chosen = aggregate.segments.filter((segment) => !segmentKeys || segmentKeys.includes(segment.segmentKey));
  const edges = computeBinEdges(aggregate.bins, aggregate.cuts);
  const points: CurvePoint[] = [{ threshold: 1, contacts: 0, expectedResponders: 0 }];
  let contacts = 0;
  let responders = 0;
  for (let bin = edges.length - 1; bin >= 0; bin--) {
    for (const segment of chosen) {
      contacts += segment.counts[bin];
      responders += segment.sums[bin];
    }
    points.push({ threshold: edges[bin], contacts, expectedResponders: responders });
  }
  return points;
}

const last = (curve: CurvePoint[]): CurvePoint => curve[curve.length - 1];

/** Expected responders among the `size` most likely customers of the curve. */
export function countRespondersAtSize(curve: CurvePoint[], size: number): number {
  const n = Math.max(0, Math.min(size, last(curve).contacts));
  const after = curve.findIndex((point) => point.contacts >= n);
  if (after <= 0) return 0;
  const before = curve[after - 1];
  const point = curve[after];
  const inBin = point.contacts - before.contacts;
  return before.expectedResponders + (inBin ? ((n - before.contacts) / inBin) * (point.expectedResponders - before.expectedResponders) : 0);
}

/** The audience with p ≥ threshold, the threshold rounded down to a bin edge. */
export function findPointAtThreshold(curve: CurvePoint[], threshold: number): CurvePoint {
  return curve.find((point) => point.threshold <= threshold + 1e-12) ?? last(curve);
}

/** The most profitable cut (the smallest one on ties), or the empty audience when nothing pays. */
export function findBestPoint(curve: CurvePoint[], economics: Economics): CurvePoint {
  let best = curve[0];
  let bestProfit = 0;
  for (const point of curve) {
    const profit = computeCampaignOutcome(point.contacts, point.expectedResponders, economics).profit;
    if (profit > bestProfit + 1e-9) {
      best = point;
      bestProfit = profit;
    }
  }
  return best;
}

/** A random pick of `size` customers from the whole base responds at the base's average rate. */
export function computeRandomPickOutcome(size: number, everyone: CurvePoint, economics: Economics): CampaignOutcome {
  const rate = everyone.contacts ? everyone.expectedResponders / everyone.contacts : 0;
  return computeCampaignOutcome(size, size * rate, economics);
}

export interface GainsPoint {
  /** Share of the base contacted, 0..1. */
  contacted: number;
  /** Share of all expected responders among them. */
  gain: number;
  /** gain / contacted: how many times better than a random pick. */
  lift: number | null;
}

/** Cumulative gains of contacting the base by descending probability, at `steps` evenly spaced sizes. */
export function buildGainsCurve(curve: CurvePoint[], steps = 20): GainsPoint[] {
  const { contacts, expectedResponders } = last(curve);
  if (!contacts || !expectedResponders) return [];
  return Array.from({ length: steps + 1 }, (_, i) => {
    const share = i / steps;
    const gain = countRespondersAtSize(curve, share * contacts) / expectedResponders;
    return { contacted: share, gain, lift: share > 0 ? gain / share : null };
  });
}
