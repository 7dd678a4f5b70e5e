/**
 * Stable persona ids: the new run's segments are matched by centroid to the active run's, then
 * to personas of earlier runs that are absent from it (lib/ml/stability/returning.ts), so a
 * segment that did not really change — or came back — keeps its key, name and colour; a
 * segment with no close match is new, with a key never used before and a colour no other
 * segment of the run has.
 */
import { assignColors } from "@/lib/ml/personas";
import { matchIdentities, type IdentityMatch } from "@/lib/ml/stability";
import type { Persona } from "@/lib/ml/personas";

export interface PreviousSegment {
  segmentKey: number;
  name: string;
  color: string;
  centroid: number[];
  /** The run this profile belongs to. */
  runId: number;
}

export interface SegmentHistory {
  /** The active run's segments. */
  active: PreviousSegment[];
  /** `active` was clustered on the same columns (segmentationColumns), so its centroids can be matched. */
  activeComparable: boolean;
  /** The latest profile of each persona shown in an earlier run and absent from the active one, clustered on the same columns; most recent first. */
  absent: PreviousSegment[];
  /** The largest key any run ever gave (-1 when none), so a new key is never reused. */
  largestKey: number;
}

export const NO_HISTORY: SegmentHistory = { active: [], activeComparable: true, absent: [], largestKey: -1 };

export interface KeyedSegment {
  label: number;
  segmentKey: number;
  name: string;
  color: string;
  isNew: boolean;
  /** Distance to the matched (or nearest) previous centroid; null without a previous run. */
  distance: number | null;
  /** For a persona back after an absence: the run it was last seen in; otherwise null. */
  returnedFrom: number | null;
}

export function assignSegmentKeys(personas: Persona[], centroids: number[][], history: SegmentHistory): KeyedSegment[] {
  const dimension = centroids[0]?.length;
  const sameShape = (segment: PreviousSegment) => segment.centroid.length === dimension;
  // Segmented on other features (order lines instead of profiles, other categories): the active run's segments carry nothing over.
  const active = history.activeComparable && history.active.every(sameShape) ? history.active : [];
  const absent = history.absent.filter(sameShape);
  const { matches } = matchIdentities(
    active.map((s) => s.centroid),
    absent.map((s) => s.centroid),
    centroids,
  );
  const previousOf = (match: IdentityMatch) =>
    (match.source === "active" ? active : match.source === "absent" ? absent : [])[match.previousIndex ?? -1] ?? null;

  // Carried-over personas claim their colours and names first: the active run's, then the returning ones.
  const order = [...matches].sort((a, b) => rank(a) - rank(b) || a.newIndex - b.newIndex);
  const colors = assignColors(
    order.map((match) => previousOf(match)?.color ?? null),
    history.absent.filter((segment) => !matches.some((match) => previousOf(match) === segment)).map((segment) => segment.color),
  );
  const usedNames = new Set([...history.active, ...history.absent].map((segment) => segment.name));
  const taken = new Set<string>();
  let nextKey = Math.max(history.largestKey, ...history.active.map((s) => s.segmentKey), ...history.absent.map((s) => s.segmentKey)) + 1;
  const keyed = order.map((match, i): KeyedSegment => {
    const previous = previousOf(match);
    const name = previous !== null && !taken.has(previous.name) ? previous.name : uniqueName(personas[match.newIndex].name, usedNames, taken);
    taken.add(name);
    return {
      label: match.newIndex,
      segmentKey: previous?.segmentKey ?? nextKey++,
      name,
      color: colors[i],
      isNew: previous === null,
      distance: match.distance,
      returnedFrom: match.source === "absent" ? previous!.runId : null,
    };
  });
  return keyed.sort((a, b) => a.label - b.label);
}

const rank = (match: IdentityMatch) => (match.source === "active" ? 0 : match.source === "absent" ? 1 : 2);

/** A new segment must not borrow the name of a different, earlier one. */
function uniqueName(name: string, used: ReadonlySet<string>, taken: ReadonlySet<string>): string {
  const free = (candidate: string) => !used.has(candidate) && !taken.has(candidate);
  if (free(name)) return name;
  for (let n = 2; ; n++) if (free(`${name} ${n}`)) return `${name} ${n}`;
}
