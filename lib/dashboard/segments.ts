/** A segment as the dashboards show it: the stored persona joined with its summary figures. */
import { z } from "zod";
import { parseStored } from "@/lib/db/runJson";
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

const optionalText = z.string().optional().catch(undefined);
/** Of a segment's stored profile, what the pages show; a field that does not parse reads as absent. */
const storedProfile = z.looseObject({
  returnedFrom: z.number().nullable().optional().catch(undefined),
  topTraits: z
    .array(z.looseObject({ phrase: optionalText }))
    .optional()
    .catch(undefined),
  actions: z
    .array(z.looseObject({ title: optionalText, detail: optionalText }))
    .optional()
    .catch(undefined),
});
export type StoredProfile = z.infer<typeof storedProfile>;

export function readProfile(profile: unknown): StoredProfile {
  return parseStored(storedProfile, profile) ?? {};
}

export function toSegmentView(
  segment: { segmentKey: number; name: string; description: string; color: string; size: number; share: number; isNew: boolean; profile: unknown },
  summary: StoredRunSummary | null,
): SegmentView {
  const profile = readProfile(segment.profile);
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
