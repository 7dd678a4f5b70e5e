/**
 * The traits that set a segment apart: features whose segment mean is furthest from everyone's,
 * in standard deviations. Ties are broken by feature name so the same statistics always give
 * the same traits. Rescaled copies of a feature (log scale, RFM scores) are left out: they
 * would repeat "low spend" as "low spend score".
 */
import { labelFeature } from "@/lib/ml/features/labels";
import type { FeatureStatistic, SegmentStatistics } from "./statistics";
import { level, lookUpWords, type ConceptWords, type FeatureUnit, type PersonaConcept } from "./vocabulary";

/** |z| from which a feature is listed among a segment's traits. */
export const TRAIT_Z = 0.3;
/** |z| from which a trait names the segment and triggers actions. */
export const STRONG_Z = 0.5;

export interface PersonaTrait {
  feature: string;
  concept: PersonaConcept | null;
  direction: "high" | "low";
  z: number;
  mean: number;
  overallMean: number;
  /** A plain comparative that follows "They": "have a higher income", "buy on deals more". */
  phrase: string;
}

/** Words for a column the vocabulary does not know: "have a higher" and its label. */
function wordsFor(statistic: FeatureStatistic): ConceptWords {
  return lookUpWords(statistic.name, statistic.concept) ?? level(labelFeature(statistic.name).label);
}

export function lookUpUnit(statistic: FeatureStatistic): FeatureUnit {
  return wordsFor(statistic).unit;
}

export function lookUpLabel(statistic: FeatureStatistic): string {
  return wordsFor(statistic).label;
}

export function pickTopTraits(segment: SegmentStatistics, limit: number): PersonaTrait[] {
  return segment.features
    .filter(
      (f): f is FeatureStatistic & { z: number; mean: number; overallMean: number } =>
        f.z !== null && Math.abs(f.z) >= TRAIT_Z && !labelFeature(f.name).restates,
    )
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((f) => {
      const direction = f.z > 0 ? "high" : "low";
      return { feature: f.name, concept: f.concept, direction, z: f.z, mean: f.mean, overallMean: f.overallMean, phrase: wordsFor(f)[direction].trait };
    });
}

/** z of the first column carrying the concept, or null when none is present. */
export function readZ(segment: SegmentStatistics, concept: PersonaConcept): number | null {
  return findStatistic(segment, concept)?.z ?? null;
}

export function findStatistic(segment: SegmentStatistics, concept: PersonaConcept): FeatureStatistic | null {
  return segment.features.find((f) => f.concept === concept) ?? null;
}

/**
 * Each segment's traits (strongest first) with a lead no other segment of the run has: the
 * segment with the strongest lead chooses first, and one whose strongest trait another already
 * leads with opens with its next. Two personas both opening "They spend more…" read as one.
 */
export function withDistinctLeads(traits: readonly (readonly PersonaTrait[])[]): PersonaTrait[][] {
  const order = traits.map((list, i) => ({ i, strength: Math.abs(list[0]?.z ?? 0) })).sort((a, b) => b.strength - a.strength || a.i - b.i);
  const leads = new Set<string>();
  const result = traits.map((list) => [...list]);
  for (const { i } of order) {
    const list = result[i];
    const at = list.findIndex((trait) => !leads.has(trait.phrase));
    if (at < 0) continue;
    const [lead] = list.splice(at, 1);
    list.unshift(lead);
    leads.add(lead.phrase);
  }
  return result;
}
