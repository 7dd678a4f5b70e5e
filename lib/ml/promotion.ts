/**
 * The promotion gate: a new run replaces the active one only when it passes validation and
 * is not worse beyond tolerances. Pure: takes metrics, returns the decision with its reasons.
 */
export interface GateMetrics {
  silhouette: number;
  k: number;
  /** Champion's mean CV ROC AUC; null when the response model was skipped. */
  responseAuc: number | null;
  /** Share of the customers the response model should score (none declined with a reason) that got a finite probability. */
  scoredShare: number;
}

export interface GateTolerances {
  /** Largest acceptable drop in response CV ROC AUC. Default 0.02. */
  maxAucDrop: number;
  /** Largest acceptable drop in silhouette. Default 0.05. */
  maxSilhouetteDrop: number;
  /** Validation floor: a response model no better than this is not shipped. Default 0.6. */
  minAuc: number;
}

export const DEFAULT_TOLERANCES: GateTolerances = { maxAucDrop: 0.02, maxSilhouetteDrop: 0.05, minAuc: 0.6 };

export interface GateDecision {
  promote: boolean;
  reasons: string[];
}

export function decidePromotion(candidate: GateMetrics, active: GateMetrics | null, tolerances: Partial<GateTolerances> = {}): GateDecision {
  const limits = { ...DEFAULT_TOLERANCES, ...tolerances };
  const problems = validationProblems(candidate, limits);
  if (active) problems.push(...regressions(candidate, active, limits));
  if (problems.length) return { promote: false, reasons: problems };
  if (!active) return { promote: true, reasons: ["passed validation; no model was active"] };
  const otherK = candidate.k !== active.k ? `; silhouettes not compared, as this run has ${candidate.k} segments and the active run ${active.k}` : "";
  return { promote: true, reasons: [`not worse than the active run within the tolerances${otherK}`] };
}

function validationProblems(candidate: GateMetrics, limits: GateTolerances): string[] {
  const problems: string[] = [];
  if (!(candidate.k >= 2)) problems.push(`segmentation found ${candidate.k} segment(s); at least 2 are needed`);
  if (!Number.isFinite(candidate.silhouette) || candidate.silhouette <= 0) problems.push(`silhouette ${fmt(candidate.silhouette)} is not positive: no real segment structure`);
  if (candidate.responseAuc !== null && candidate.responseAuc < limits.minAuc) {
    problems.push(`response CV ROC AUC ${fmt(candidate.responseAuc)} is below the floor of ${fmt(limits.minAuc)}`);
  }
  if (candidate.responseAuc !== null && candidate.scoredShare < 1) problems.push(`${fmt((1 - candidate.scoredShare) * 100, 1)}% of the customers the response model should score got no response score`);
  return problems;
}

function regressions(candidate: GateMetrics, active: GateMetrics, limits: GateTolerances): string[] {
  const problems: string[] = [];
  if (active.responseAuc !== null) {
    if (candidate.responseAuc === null) problems.push("the response model was skipped, but the active run has one");
    else if (exceeds(active.responseAuc - candidate.responseAuc, limits.maxAucDrop)) {
      problems.push(`response CV ROC AUC fell from ${fmt(active.responseAuc)} to ${fmt(candidate.responseAuc)} (more than ${fmt(limits.maxAucDrop)})`);
    }
  }
  // Silhouette tends to fall as k grows, so a run with another k (an administrator's choice, or the rule's) is not held to the old number.
  if (candidate.k === active.k && exceeds(active.silhouette - candidate.silhouette, limits.maxSilhouetteDrop)) {
    problems.push(`silhouette fell from ${fmt(active.silhouette)} to ${fmt(candidate.silhouette)} (more than ${fmt(limits.maxSilhouetteDrop)})`);
  }
  return problems;
}

/** A drop equal to the tolerance is allowed; the epsilon keeps 0.90 − 0.88 from counting as more than 0.02. */
function exceeds(drop: number, tolerance: number): boolean {
  return drop > tolerance + 1e-9;
}

function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}
