/**
 * One paragraph per segment, from its strongest traits: what sets it apart as plain
 * comparatives, how big it is, and the averages behind the words, e.g. "They have a higher
 * income, spend more and spend a larger share on wine. 412 customers, 18% of all. On average:
 * income 72,400 (everyone 52,200), …". The averages are the trait statistics themselves, the
 * same means the dashboards' stat rows show.
 */
import { pluralise } from "@/lib/text/plural";
import { formatValue, joinAsList } from "./format";
import type { SegmentStatistics } from "./statistics";
import { lookUpLabel, lookUpUnit, type PersonaTrait } from "./traits";

/** How many traits get their numbers spelled out. */
const NUMBERED_TRAITS = 3;

export function describeSegment(segment: SegmentStatistics, traits: readonly PersonaTrait[]): string {
  if (segment.size === 0) return "No customers in this segment.";
  const size = `${pluralise(segment.size, "customer")}, ${formatShare(segment.share)} of all.`;
  if (traits.length === 0) return `Close to the average customer on every measure. ${size}`;
  const words = `They ${joinAsList(traits.map((t) => t.phrase))}.`;
  const averages = traits.slice(0, NUMBERED_TRAITS).map((trait) => {
    const statistic = segment.features.find((f) => f.name === trait.feature)!;
    const unit = lookUpUnit(statistic);
    return `${lookUpLabel(statistic)} ${formatValue(trait.mean, unit)} (everyone ${formatValue(trait.overallMean, unit)})`;
  });
  return `${words} ${size} On average: ${joinAsList(averages)}.`;
}

/** Whole percents, but never "0%" for a segment that has customers. */
function formatShare(share: number): string {
  return share > 0 && share < 0.005 ? "under 1%" : `${Math.round(share * 100)}%`;
}
