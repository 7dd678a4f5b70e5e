/**
 * The rule that picks k from the measured curve, and the sentence that says why:
 *
 *   admissible = the k in [kMin, kMax] whose smallest segment holds at least `minShare` of the
 *   customers (a segment of a handful is nothing a marketer can act on);
 *   among the admissible k whose stability is at least `minStability`, the highest silhouette
 *   wins (the smaller k on ties): separation, but only of segments that come back when the
 *   customers are resampled;
 *   no admissible k stable enough → the most stable admissible k (higher silhouette on ties);
 *   no k admissible at all → the same rule over every k in the range, and the reason says so.
 *
 * A fixed k (set by an administrator) bypasses the rule; its measures are still reported.
 */
import type { KCurvePoint } from "./chooseK";

export interface KRule {
  kMin: number;
  kMax: number;
  /** Default 0.05. */
  minShare: number;
  /** Default 0.8. */
  minStability: number;
  /** Subsamples behind the stability, for the sentence. */
  resamples: number;
  /** When set, this k is used whatever the curve says. */
  fixedK: number | null;
}

export const K_RULE_DEFAULTS = { kMin: 3, kMax: 8, minShare: 0.05, minStability: 0.8 } as const;
/** The most segments an administrator may ask for: more than a marketing team can give distinct actions. */
export const MAX_SEGMENTS = 20;

export interface KPick {
  k: number;
  /** One sentence: why this k. */
  reason: string;
}

type MeasuredPoint = KCurvePoint & { stability: number; minShare: number };

const formatPercent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const silhouetteFirst = (a: MeasuredPoint, b: MeasuredPoint) => b.silhouette - a.silhouette || a.k - b.k;
const stabilityFirst = (a: MeasuredPoint, b: MeasuredPoint) => b.stability - a.stability || silhouetteFirst(a, b);

export function pickK(curve: readonly MeasuredPoint[], rule: KRule): KPick {
  const resampled = `across ${rule.resamples} resamples (stability ≥ ${rule.minStability.toFixed(2)})`;
  const share = `at least ${formatPercent(rule.minShare)} of customers`;
  if (rule.fixedK !== null) {
    const point = curve.find((p) => p.k === rule.fixedK);
    if (!point) throw new Error(`pickK: the curve has no point for the fixed k = ${rule.fixedK}`);
    const measured = `silhouette ${point.silhouette.toFixed(3)}, stability ${point.stability.toFixed(2)}, smallest segment ${formatPercent(point.minShare)}`;
    return { k: point.k, reason: `k = ${point.k}: fixed by an administrator, not chosen (${measured}).` };
  }
  const inRange = curve.filter((p) => p.k >= rule.kMin && p.k <= rule.kMax);
  if (inRange.length === 0) throw new Error(`pickK: the curve has no k from ${rule.kMin} to ${rule.kMax}`);
  const admissible = inRange.filter((p) => p.minShare >= rule.minShare);
  const candidates = admissible.length > 0 ? admissible : inRange;
  const stable = candidates.filter((p) => p.stability >= rule.minStability);
  const best = stable.length > 0 ? [...stable].sort(silhouetteFirst)[0] : [...candidates].sort(stabilityFirst)[0];
  const stability = best.stability.toFixed(2);
  const reason =
    admissible.length === 0
      ? stable.length > 0
        ? `no k from ${rule.kMin} to ${rule.kMax} gives every segment ${share}, so the best-separated of them all whose segments agree ${resampled}`
        : `no k from ${rule.kMin} to ${rule.kMax} gives every segment ${share}, and none agrees ${resampled}, so the most stable of them all (${stability})`
      : stable.length > 0
        ? `the best-separated of the k from ${rule.kMin} to ${rule.kMax} whose segments agree ${resampled} and each hold ${share}`
        : `of the k from ${rule.kMin} to ${rule.kMax} whose segments each hold ${share}, none agrees ${resampled}, so the most stable of them (${stability})`;
  return { k: best.k, reason: `k = ${best.k}: ${reason}.` };
}
