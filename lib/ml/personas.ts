/**
 * Personas: each segment described for marketers from its customers' unscaled features —
 * size, means and z-scores against everyone, the traits that set it apart, a short unique
 * name, a paragraph, and recommended actions. Rules only (lib/ml/personas/*): the same
 * segment statistics always give the same text.
 */
import { findMostValuableSegment, recommendActions, type PersonaAction } from "./personas/actions";
import { personaColor, type PersonaColor } from "./personas/colors";
import { describeSegment } from "./personas/description";
import { nameSegments } from "./personas/naming";
import { checkPersonaInput, computeSegmentStatistics, type FeatureColumn, type FeatureStatistic } from "./personas/statistics";
import { pickTopTraits, withDistinctLeads, type PersonaTrait } from "./personas/traits";

export { PERSONA_FEATURES, PERSONA_FEATURE_ALIASES, type PersonaConcept } from "./personas/vocabulary";
export { assignColors, PERSONA_PALETTE, personaColor, type PersonaColor } from "./personas/colors";
export { STRONG_Z, TRAIT_Z } from "./personas/traits";
export type { ActionType, PersonaAction } from "./personas/actions";
export type { FeatureColumn, FeatureStatistic, PersonaTrait };

export interface Persona {
  /** The segment label. */
  id: number;
  name: string;
  color: PersonaColor;
  size: number;
  /** size / all customers. */
  share: number;
  /** Every input feature, in input order. */
  features: FeatureStatistic[];
  /** At most `maxTraits`, each at least TRAIT_Z: a lead no other segment of the run has, then strongest |z| first. */
  topTraits: PersonaTrait[];
  description: string;
  actions: PersonaAction[];
}

export interface PersonaOptions {
  /** Number of segments; defaults to the largest label + 1 (pass it to keep empty segments). */
  k?: number;
  /** Default 5. */
  maxTraits?: number;
}

/** labels: the segment (0..k-1) of each customer; columns: unscaled features of the same customers (NaN = missing). */
export function describeSegments(labels: Int32Array, columns: readonly FeatureColumn[], options: PersonaOptions = {}): Persona[] {
  const { maxTraits = 5 } = options;
  if (!Number.isInteger(maxTraits) || maxTraits < 1) throw new Error(`describeSegments: maxTraits must be a positive integer, got ${maxTraits}`);
  const k = checkPersonaInput(labels, columns, options.k, "describeSegments");
  const segments = computeSegmentStatistics(labels, columns, k);
  const names = nameSegments(segments);
  const leads = withDistinctLeads(segments.map((segment) => pickTopTraits(segment, Infinity)));
  const mostValuable = findMostValuableSegment(segments);
  return segments.map((segment) => {
    const traits = leads[segment.id].slice(0, maxTraits);
    return {
      id: segment.id,
      name: names[segment.id],
      color: personaColor(segment.id),
      size: segment.size,
      share: segment.share,
      features: segment.features,
      topTraits: traits,
      description: describeSegment(segment, traits),
      actions: recommendActions(segment, { isMostValuable: segment.id === mostValuable }),
    };
  });
}
