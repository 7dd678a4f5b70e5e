/**
 * The traits that set a segment apart: features whose segment mean is furthest from everyone's,
 * in standard deviations. Ties are broken by feature name so the same statistics always give
 * the same traits. Rescaled copies of a feature (log scale, RFM scores) are left out: they
 * would repeat "low spend" as "low spend score".
 */
import { featureLabel } from "@/lib/ml/features/labels";
import type { FeatureStatistic, SegmentStatistics } from "./statistics";
import { wordsOf, type ConceptWords, type FeatureUnit, type PersonaConcept } from "./vocabulary";

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
  /** Plain words: "high income", "buy on deals". */
  phrase: string;
}

/** Words for a column the vocabulary does not know: its label. */
function wordsFor(statistic: FeatureStatistic): ConceptWords {
  const words = wordsOf(statistic.name, statistic.concept);
  if (words !== null) return words;
  const { label } = featureLabel(statistic.name);
  return { label, unit: "number", high: { trait: `high ${label}` }, low: { trait: `low ${label}` } };
}

export function unitOf(statistic: FeatureStatistic): FeatureUnit {
  return wordsFor(statistic).unit;
}

export function labelOf(statistic: FeatureStatistic): string {
  return wordsFor(statistic).label;
}

export function topTraits(segment: SegmentStatistics, limit: number): PersonaTrait[] {
  return segment.features
    .filter((f): f is FeatureStatistic & { z: number; mean: number; overallMean: number } => f.z !== null && Math.abs(f.z) >= TRAIT_Z && !featureLabel(f.name).restates)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((f) => {
      const direction = f.z > 0 ? "high" : "low";
      return { feature: f.name, concept: f.concept, direction, z: f.z, mean: f.mean, overallMean: f.overallMean, phrase: wordsFor(f)[direction].trait };
    });
}

/** z of the first column carrying the concept, or null when none is present. */
export function zOf(segment: SegmentStatistics, concept: PersonaConcept): number | null {
  return statisticOf(segment, concept)?.z ?? null;
}

export function statisticOf(segment: SegmentStatistics, concept: PersonaConcept): FeatureStatistic | null {
  return segment.features.find((f) => f.concept === concept) ?? null;
}
