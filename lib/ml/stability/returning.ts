/**
 * Segment identity over a run's whole history: a new segment continues the active run's
 * segment it matches; failing that, it may be a persona seen in an earlier run and absent
 * since (the latest centroid of each such key), which comes back under its old identity.
 * Both matchings are one-to-one with the same distance limit, the active run's first.
 */
import { matchSegments, computeMatchThreshold, type MatchOptions } from "./matchSegments";

export interface IdentityMatch {
  newIndex: number;
  /** Continues an active segment, returns from an absent one, or is new. */
  source: "active" | "absent" | null;
  /** Index into the active or the absent centroids; null when new. */
  previousIndex: number | null;
  /** Distance to the matched centroid; for a new segment, to the nearest one seen (null when none). */
  distance: number | null;
}

type Centroids = readonly (readonly number[])[];

/** `absent`: centroids of personas seen in earlier runs but not in the active one. */
export function matchIdentities(
  active: Centroids,
  absent: Centroids,
  current: Centroids,
  options: MatchOptions = {},
): { matches: IdentityMatch[]; threshold: number } {
  const threshold = options.maxDistance ?? computeMatchThreshold(active.length > 0 ? active : absent, options);
  const first = matchSegments(active, current, { maxDistance: threshold });
  const unmatched = first.matches.filter((match) => match.isNew).map((match) => match.newIndex);
  const second =
    absent.length > 0 && unmatched.length > 0
      ? matchSegments(
          absent,
          unmatched.map((i) => current[i]),
          { maxDistance: threshold },
        ).matches
      : [];
  const returning = new Map(second.map((match, j) => [unmatched[j], match]));
  const matches = first.matches.map((match): IdentityMatch => {
    if (!match.isNew) return { newIndex: match.newIndex, source: "active", previousIndex: match.previousIndex, distance: match.distance };
    const back = returning.get(match.newIndex);
    if (back && !back.isNew) return { newIndex: match.newIndex, source: "absent", previousIndex: back.previousIndex, distance: back.distance };
    const nearest = [match.distance, back?.distance ?? null].filter((d): d is number => d !== null);
    return { newIndex: match.newIndex, source: null, previousIndex: null, distance: nearest.length > 0 ? Math.min(...nearest) : null };
  });
  return { matches, threshold };
}
