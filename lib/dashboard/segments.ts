/** A segment as the dashboards show it: the stored persona joined with its summary figures. */
import type { StoredRunSummary, StoredSegmentSummary } from "./storedSummary";

export interface SegmentView {
  key: number;
  name: string;
  description: string;
  color: string;
  size: number;
  share: number;
  isNew: boolean;
  /** For a persona back after an absence: the run it was last seen in. */
  returnedFrom: number | null;
  /** Plain-words traits, strongest first ("high income"). */
  traits: string[];
  actions: { title: string; detail: string }[];
  /** null for a run whose summary lacks the segment. */
  stats: StoredSegmentSummary | null;
}

interface StoredProfile {
  returnedFrom?: number | null;
  topTraits?: { phrase?: string }[];
  actions?: { title?: string; detail?: string }[];
}

export function toSegmentView(
  segment: { segmentKey: number; name: string; description: string; color: string; size: number; share: number; isNew: boolean; profile: unknown },
  summary: StoredRunSummary | null,
): SegmentView {
  const profile = (segment.profile ?? {}) as StoredProfile;
  return {
    key: segment.segmentKey,
    name: segment.name,
    description: segment.description,
    color: segment.color,
    size: segment.size,
    share: segment.share,
    isNew: segment.isNew,
    returnedFrom: profile.returnedFrom ?? null,
    traits: (profile.topTraits ?? []).flatMap((trait) => (trait.phrase ? [trait.phrase] : [])),
    actions: (profile.actions ?? []).flatMap((action) => (action.title ? [{ title: action.title, detail: action.detail ?? "" }] : [])),
    stats: summary?.segments.find((stats) => stats.segmentKey === segment.segmentKey) ?? null,
  };
}
