/**
 * A plain-words verdict on the campaign-response model for readers who do not know ROC AUC.
 * Cut-offs (documented on the page too):
 *   ROC AUC         < 0.60 Poor · 0.60–0.70 Fair · 0.70–0.80 Good · ≥ 0.80 Excellent
 *                   (the usual reading: 0.5 is a coin toss, 0.7 acceptable, 0.8 excellent);
 *   top-decile lift < 1.5 Poor · 1.5–2 Fair · 2–3 Good · ≥ 3 Excellent
 *                   (how many times more responders the best-scored tenth holds than a random tenth).
 * With both, the lower grade wins: a badge that reassures executives must not flatter the model.
 */
export const QUALITY_GRADES = ["Poor", "Fair", "Good", "Excellent"] as const;
export type QualityGrade = (typeof QUALITY_GRADES)[number];

/** Lower bounds of Fair, Good and Excellent. */
export const AUC_CUTOFFS = [0.6, 0.7, 0.8] as const;
export const LIFT_CUTOFFS = [1.5, 2, 3] as const;

export function gradeValue(value: number, cutoffs: readonly [number, number, number]): QualityGrade {
  return QUALITY_GRADES[cutoffs.filter((cutoff) => value >= cutoff).length];
}

export interface ModelQuality {
  grade: QualityGrade;
  auc: number | null;
  topDecileLift: number | null;
}

/** null when neither figure is known (no response model in the run). */
export function gradeModelQuality(auc: number | null | undefined, topDecileLift: number | null | undefined): ModelQuality | null {
  const grades: QualityGrade[] = [];
  const known = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);
  if (known(auc)) grades.push(gradeValue(auc, AUC_CUTOFFS));
  if (known(topDecileLift)) grades.push(gradeValue(topDecileLift, LIFT_CUTOFFS));
  if (!grades.length) return null;
  const grade = QUALITY_GRADES[Math.min(...grades.map((g) => QUALITY_GRADES.indexOf(g)))];
  return { grade, auc: known(auc) ? auc : null, topDecileLift: known(topDecileLift) ? topDecileLift : null };
}
