/** The figures actions quote: a segment's mean against everyone's, for the traits behind each rule. */
import { formatValue } from "./format";
import type { FeatureStatistic, SegmentStatistics } from "./statistics";
import { findStatistic, STRONG_Z, readZ } from "./traits";
import { CONCEPT_WORDS, type PersonaConcept } from "./vocabulary";

/** A statistic with both means and a z-score. */
export type Known = FeatureStatistic & { mean: number; overallMean: number; z: number };

export const known = (statistic: FeatureStatistic | null | undefined): statistic is Known =>
  statistic?.mean != null && statistic.overallMean !== null && statistic.z !== null;
export const isHigh = (segment: SegmentStatistics, concept: PersonaConcept) => (readZ(segment, concept) ?? 0) >= STRONG_Z;
export const isLow = (segment: SegmentStatistics, concept: PersonaConcept) => (readZ(segment, concept) ?? 0) <= -STRONG_Z;

/** "share of purchases on a deal 38% against 24% for everyone". */
export function describeEvidence(segment: SegmentStatistics, concept: PersonaConcept): string {
  const f = findStatistic(segment, concept) as Known;
  const { label, unit } = CONCEPT_WORDS[concept];
  return `${label} ${formatValue(f.mean, unit)} against ${formatValue(f.overallMean, unit)} for everyone`;
}

export const shareEvidence = (f: Known) => `${formatValue(f.mean, "share")} against ${formatValue(f.overallMean, "share")} for everyone`;
