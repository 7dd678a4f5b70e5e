/**
 * Carries segment identity across retraining runs: each new centroid is matched to a previous
 * one, so ids, persona names and colours stay put when the structure did not change.
 */
import { hungarian } from "./hungarian";

export interface MatchOptions {
  /** Largest centroid distance (standardized units) that still counts as the same segment; overrides the relative rule. */
  maxDistance?: number;
  /** Default threshold = relativeThreshold × the median distance from each previous centroid to its nearest other one. */
  relativeThreshold?: number;
  /** Threshold when the previous run has a single centroid and the relative rule has nothing to measure. */
  fallbackDistance?: number;
}

export const MATCH_DEFAULTS = { relativeThreshold: 0.5, fallbackDistance: 1 } as const;

export interface SegmentMatch {
  newIndex: number;
  /** The previous segment this one continues, or null when it is new. */
  previousIndex: number | null;
  /** Distance to the matched previous centroid; for a new segment, to the nearest previous one (null if there is none). */
  distance: number | null;
  isNew: boolean;
}

export interface SegmentMatching {
  matches: SegmentMatch[];
  /** Previous segments no new segment continues, ascending. */
  disappeared: number[];
  /** The distance threshold that was applied. */
  threshold: number;
}

function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] - b[d]) ** 2;
  return Math.sqrt(sum);
}

function checkCentroids(previous: readonly (readonly number[])[], current: readonly (readonly number[])[]): void {
  const dimension = (previous[0] ?? current[0])?.length;
  for (const [which, centroids] of [
    ["previous", previous],
    ["new", current],
  ] as const) {
    centroids.forEach((centroid, i) => {
      if (centroid.length !== dimension) throw new Error(`matchSegments: ${which} centroid ${i} has ${centroid.length} coordinates, expected ${dimension}`);
      if (!centroid.every(Number.isFinite)) throw new Error(`matchSegments: ${which} centroid ${i} has a non-finite coordinate`);
    });
  }
}

/**
 * Half the median nearest-neighbour distance by default: a new centroid that close to a
 * previous one is nearer to it than to the midpoint towards its typical neighbour, so it is
 * recognisably the same segment; anything farther has moved into the gap between segments.
 */
export function computeMatchThreshold(previous: readonly (readonly number[])[], options: MatchOptions = {}): number {
  const { relativeThreshold, fallbackDistance } = { ...MATCH_DEFAULTS, ...options };
  if (options.maxDistance !== undefined) return options.maxDistance;
  if (previous.length < 2) return fallbackDistance;
  const nearest = previous.map((a, i) => Math.min(...previous.map((b, j) => (i === j ? Infinity : euclidean(a, b))))).sort((x, y) => x - y);
  const middle = nearest.length >> 1;
  const median = nearest.length % 2 === 1 ? nearest[middle] : (nearest[middle - 1] + nearest[middle]) / 2;
  return relativeThreshold * median;
}

/**
 * Hungarian assignment on distances capped at the threshold: a pair beyond it costs the same
 * as no match at all, so the optimum maximises Σ (threshold − distance) over acceptable pairs
 * and one far pair cannot pull a good match away from its partner. Pairs beyond the threshold
 * are then dropped: that new segment is new and that previous one disappeared.
 */
export function matchSegments(
  previousCentroids: readonly (readonly number[])[],
  newCentroids: readonly (readonly number[])[],
  options: MatchOptions = {},
): SegmentMatching {
  checkCentroids(previousCentroids, newCentroids);
  for (const key of ["maxDistance", "relativeThreshold", "fallbackDistance"] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new Error(`matchSegments: ${key} = ${value} must be a number ≥ 0`);
  }
  const threshold = computeMatchThreshold(previousCentroids, options);
  const distances = newCentroids.map((a) => previousCentroids.map((b) => euclidean(a, b)));
  const assignment = previousCentroids.length > 0 ? hungarian(distances.map((row) => row.map((d) => Math.min(d, threshold)))) : [];
  const continued = new Set<number>();
  const matches = newCentroids.map((_, newIndex): SegmentMatch => {
    const previousIndex = assignment[newIndex] ?? -1;
    if (previousIndex >= 0 && distances[newIndex][previousIndex] <= threshold) {
      continued.add(previousIndex);
      return { newIndex, previousIndex, distance: distances[newIndex][previousIndex], isNew: false };
    }
    const nearest = distances[newIndex].length > 0 ? Math.min(...distances[newIndex]) : null;
    return { newIndex, previousIndex: null, distance: nearest, isNew: true };
  });
  const disappeared = previousCentroids.map((_, i) => i).filter((i) => !continued.has(i));
  return { matches, disappeared, threshold };
}
