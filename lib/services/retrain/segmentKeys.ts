/**
 * Stable persona ids: the new run's segments are matched to the active run's by Hungarian
 * assignment on centroid distance, so a segment that did not really change keeps its key,
 * name and colour; a segment with no close match is new and gets a fresh key.
 */
import { matchSegments } from "@/lib/ml/stability";
import type { Persona } from "@/lib/ml/personas";

export interface PreviousSegment {
  segmentKey: number;
  name: string;
  color: string;
  centroid: number[];
}

export interface KeyedSegment {
  label: number;
  segmentKey: number;
  name: string;
  color: string;
  isNew: boolean;
  /** Distance to the matched (or nearest) previous centroid; null without a previous run. */
  distance: number | null;
}

/** `comparable`: the previous run clustered on the same columns (segmentationColumns), so its centroids can be matched. */
export function assignSegmentKeys(personas: Persona[], centroids: number[][], previous: PreviousSegment[], comparable = true): KeyedSegment[] {
  if (previous.length === 0) {
    return personas.map((persona, label) => ({ label, segmentKey: label, name: persona.name, color: persona.color, isNew: true, distance: null }));
  }
  // Segmented on other features (order lines instead of profiles, other categories): nothing carries over, and no key is reused.
  if (!comparable || previous.some((segment) => segment.centroid.length !== centroids[0]?.length)) {
    const firstKey = Math.max(...previous.map((segment) => segment.segmentKey)) + 1;
    const taken = new Set<string>();
    return personas.map((persona, label) => {
      const name = uniqueName(persona.name, previous, taken);
      taken.add(name);
      return { label, segmentKey: firstKey + label, name, color: persona.color, isNew: true, distance: null };
    });
  }
  const { matches } = matchSegments(previous.map((segment) => segment.centroid), centroids);
  let nextKey = Math.max(...previous.map((segment) => segment.segmentKey)) + 1;
  const taken = new Set<string>();
  return matches.map(({ newIndex, previousIndex, distance }) => {
    const match = previousIndex === null ? null : previous[previousIndex];
    const persona = personas[newIndex];
    const name = match?.name ?? uniqueName(persona.name, previous, taken);
    taken.add(name);
    return {
      label: newIndex,
      segmentKey: match ? match.segmentKey : nextKey++,
      name,
      color: match?.color ?? persona.color,
      isNew: match === null,
      distance,
    };
  });
}

/** A new segment must not borrow the name of a different, earlier one. */
function uniqueName(name: string, previous: PreviousSegment[], taken: Set<string>): string {
  const used = new Set([...previous.map((segment) => segment.name), ...taken]);
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) if (!used.has(`${name} ${n}`)) return `${name} ${n}`;
}
