/**
 * The promotion gate: a new run replaces the active one only when it passes validation, is not
 * worse beyond tolerances, and does not move the CLV of customers whose data did not change.
 * Pure: takes metrics, returns the decision, its reasons and every rule it weighed.
 */
import { summariseClvChanges, type ClvChanges } from "./clvShift";

export interface GateMetrics {
  silhouette: number;
  k: number;
  /** Champion's mean CV ROC AUC; null when the response model was skipped. */
  responseAuc: number | null;
  /** Share of the customers the response model should score (none declined with a reason) that got a finite probability. */
  scoredShare: number;
  /** The CLV backtest's figures, or why there are none; absent in runs trained before backtests. */
  clvBacktest?: GateBacktest;
}

/** Read back from JSON, a non-finite figure is null. */
export type GateBacktest = { spearman: number | null; mae: number | null; baselineMae: number | null } | { unavailable: string };

export interface GateTolerances {
  /** Largest acceptable drop in response CV ROC AUC. Default 0.02. */
  maxAucDrop: number;
  /** Largest acceptable drop in silhouette. Default 0.05. */
  maxSilhouetteDrop: number;
  /** Validation floor: a response model no better than this is not shipped. Default 0.6. */
  minAuc: number;
  /** Largest acceptable drop in the CLV backtest's Spearman correlation. Default 0.05. */
  maxClvSpearmanDrop: number;
  /** Largest acceptable rise in the backtest's MAE as a multiple of the naive baseline's MAE. Default 0.1. */
  maxClvErrorRise: number;
  /** A customer's CLV "moved" when it changed by more than this share of the old value. Default 0.25. */
  maxClvShift: number;
  /** The run is held for review when more than this share of unchanged customers moved. Default 0.5. */
  maxClvShiftShare: number;
}

export const DEFAULT_TOLERANCES: GateTolerances = {
  maxAucDrop: 0.02,
  maxSilhouetteDrop: 0.05,
  minAuc: 0.6,
  maxClvSpearmanDrop: 0.05,
  maxClvErrorRise: 0.1,
  maxClvShift: 0.25,
  maxClvShiftShare: 0.5,
};

export type GateOutcome = "passed" | "failed" | "held for review" | "not applicable";

export interface GateRule {
  rule: string;
  description: string;
  threshold: string;
  candidate: string | null;
  active: string | null;
  outcome: GateOutcome;
  /** Why the rule failed, held the run or does not apply; empty when it passed. */
  detail: string;
}

export interface GateDecision {
  promote: boolean;
  /** Not promoted only because a rule held it for review (no rule failed); an admin decides. */
  review: boolean;
  reasons: string[];
  rules: GateRule[];
}

/** `clvChanges`: relative CLV changes of the customers whose data did not change since the active run (lib/ml/clvShift.ts). */
export function decidePromotion(
  candidate: GateMetrics,
  active: GateMetrics | null,
  tolerances: Partial<GateTolerances> = {},
  clvChanges: ClvChanges | null = null,
): GateDecision {
  const limits = { ...DEFAULT_TOLERANCES, ...tolerances };
  const rules = [
    segmentCountRule(candidate, active),
    silhouetteRule(candidate, active),
    aucFloorRule(candidate, active, limits),
    scoredShareRule(candidate, active),
    aucDropRule(candidate, active, limits),
    silhouetteDropRule(candidate, active, limits),
    clvBacktestRule(candidate, active, limits),
    clvShiftRule(active, clvChanges, limits),
  ];
  const failed = rules.filter((rule) => rule.outcome === "failed");
  const held = rules.filter((rule) => rule.outcome === "held for review");
  if (failed.length || held.length) return { promote: false, review: failed.length === 0, reasons: [...failed, ...held].map((rule) => rule.detail), rules };
  return {
    promote: true,
    review: false,
    reasons: [active ? "not worse than the active run within the tolerances" : "passed validation; no model was active"],
    rules,
  };
}

type RuleText = Pick<GateRule, "rule" | "description" | "threshold">;

function judged(text: RuleText, candidate: string | null, active: string | null, problem: string | null, outcome: GateOutcome = "failed"): GateRule {
  return { ...text, candidate, active, outcome: problem ? outcome : "passed", detail: problem ?? "" };
}

function notApplicable(text: RuleText, candidate: string | null, active: string | null, why: string): GateRule {
  return { ...text, candidate, active, outcome: "not applicable", detail: why };
}

function segmentCountRule(candidate: GateMetrics, active: GateMetrics | null): GateRule {
  const text = { rule: "Segments", description: "Segmentation must find at least two segments.", threshold: "at least 2" };
  const problem = candidate.k >= 2 ? null : `segmentation found ${candidate.k} segment(s); at least 2 are needed`;
  return judged(text, String(candidate.k), active ? String(active.k) : null, problem);
}

function silhouetteRule(candidate: GateMetrics, active: GateMetrics | null): GateRule {
  const text = {
    rule: "Segment structure",
    description: "The segments' silhouette must be positive: customers closer to their own segment than to the next.",
    threshold: "above 0",
  };
  const problem =
    Number.isFinite(candidate.silhouette) && candidate.silhouette > 0
      ? null
      : `silhouette ${fmt(candidate.silhouette)} is not positive: no real segment structure`;
  return judged(text, fmt(candidate.silhouette), active ? fmt(active.silhouette) : null, problem);
}

function aucFloorRule(candidate: GateMetrics, active: GateMetrics | null, limits: GateTolerances): GateRule {
  const text = {
    rule: "Response AUC floor",
    description: "The response model must tell responders from the rest at least this well (mean cross-validated ROC AUC).",
    threshold: `at least ${fmt(limits.minAuc)}`,
  };
  const activeAuc = active ? fmtAuc(active.responseAuc) : null;
  if (candidate.responseAuc === null) return notApplicable(text, null, activeAuc, "this run has no response model (it was skipped)");
  const problem =
    candidate.responseAuc < limits.minAuc ? `response CV ROC AUC ${fmt(candidate.responseAuc)} is below the floor of ${fmt(limits.minAuc)}` : null;
  return judged(text, fmt(candidate.responseAuc), activeAuc, problem);
}

function scoredShareRule(candidate: GateMetrics, active: GateMetrics | null): GateRule {
  const text = {
    rule: "Response scores",
    description: "Every customer the response model should score (none it declined with a reason) gets a response score.",
    threshold: "100%",
  };
  const activeShare = active?.responseAuc != null ? formatPercent(active.scoredShare, 1) : null;
  if (candidate.responseAuc === null) return notApplicable(text, null, activeShare, "this run has no response model (it was skipped)");
  const problem =
    candidate.scoredShare < 1 ? `${fmt((1 - candidate.scoredShare) * 100, 1)}% of the customers the response model should score got no response score` : null;
  return judged(text, formatPercent(candidate.scoredShare, 1), activeShare, problem);
}

function aucDropRule(candidate: GateMetrics, active: GateMetrics | null, limits: GateTolerances): GateRule {
  const text = {
    rule: "Response AUC drop",
    description: "The response model's CV ROC AUC may fall below the active run's by at most the tolerance.",
    threshold: `drop of at most ${fmt(limits.maxAucDrop)}`,
  };
  const candidateAuc = fmtAuc(candidate.responseAuc);
  if (!active) return notApplicable(text, candidateAuc, null, "no model was active");
  if (active.responseAuc === null) return notApplicable(text, candidateAuc, "none", "the active run has no response model");
  if (candidate.responseAuc === null) return judged(text, "none", fmt(active.responseAuc), "the response model was skipped, but the active run has one");
  const problem = exceeds(active.responseAuc - candidate.responseAuc, limits.maxAucDrop)
    ? `response CV ROC AUC fell from ${fmt(active.responseAuc)} to ${fmt(candidate.responseAuc)} (more than ${fmt(limits.maxAucDrop)})`
    : null;
  return judged(text, candidateAuc, fmt(active.responseAuc), problem);
}

function silhouetteDropRule(candidate: GateMetrics, active: GateMetrics | null, limits: GateTolerances): GateRule {
  const text = {
    rule: "Silhouette drop",
    description: "The segments' silhouette may fall below the active run's by at most the tolerance.",
    threshold: `drop of at most ${fmt(limits.maxSilhouetteDrop)}`,
  };
  if (!active) return notApplicable(text, fmt(candidate.silhouette), null, "no model was active");
  // Silhouette tends to fall as k grows, so a run with another k (an administrator's choice, or the rule's) is not held to the old number.
  if (candidate.k !== active.k) {
    return notApplicable(
      text,
      fmt(candidate.silhouette),
      fmt(active.silhouette),
      `silhouettes not compared, as this run has ${candidate.k} segments and the active run ${active.k}`,
    );
  }
  const problem = exceeds(active.silhouette - candidate.silhouette, limits.maxSilhouetteDrop)
    ? `silhouette fell from ${fmt(active.silhouette)} to ${fmt(candidate.silhouette)} (more than ${fmt(limits.maxSilhouetteDrop)})`
    : null;
  return judged(text, fmt(candidate.silhouette), fmt(active.silhouette), problem);
}

/**
 * Two figures of the backtest, each against a tolerance: the Spearman correlation (does the model
 * still rank customers by what they went on to spend) and the MAE as a multiple of the naive
 * baseline's (does it still beat "they keep buying at their past rate"); a ratio, so backtests
 * of differently sized hold-outs compare.
 */
function clvBacktestRule(candidate: GateMetrics, active: GateMetrics | null, limits: GateTolerances): GateRule {
  const text = {
    rule: "CLV backtest",
    description:
      "The CLV model's backtest may not be worse than the active run's: Spearman rank correlation of predicted with actual hold-out spend, and hold-out purchase error as a multiple of the naive baseline's.",
    threshold: `Spearman drop of at most ${fmt(limits.maxClvSpearmanDrop, 2)}; error ratio rise of at most ${fmt(limits.maxClvErrorRise, 2)}`,
  };
  const mine = backtestFigures(candidate.clvBacktest);
  if (!active) return notApplicable(text, mine.shown, null, "no model was active");
  const theirs = backtestFigures(active.clvBacktest);
  if (!mine.figures) return notApplicable(text, mine.shown, theirs.shown, `this run has no CLV backtest: ${mine.why}`);
  if (!theirs.figures) return notApplicable(text, mine.shown, theirs.shown, `the active run has no CLV backtest: ${theirs.why}`);
  const problems: string[] = [];
  if (exceeds(theirs.figures.spearman - mine.figures.spearman, limits.maxClvSpearmanDrop)) {
    problems.push(
      `CLV backtest Spearman fell from ${fmt(theirs.figures.spearman)} to ${fmt(mine.figures.spearman)} (more than ${fmt(limits.maxClvSpearmanDrop, 2)})`,
    );
  }
  if (exceeds(mine.figures.errorRatio - theirs.figures.errorRatio, limits.maxClvErrorRise)) {
    problems.push(
      `CLV backtest error rose from ${fmt(theirs.figures.errorRatio, 2)}× to ${fmt(mine.figures.errorRatio, 2)}× the baseline's (more than ${fmt(limits.maxClvErrorRise, 2)})`,
    );
  }
  return judged(text, mine.shown, theirs.shown, problems.length ? problems.join("; ") : null);
}

function backtestFigures(backtest: GateBacktest | undefined): { figures: { spearman: number; errorRatio: number } | null; shown: string; why: string } {
  if (backtest === undefined) return { figures: null, shown: "none", why: "none was recorded (runs trained before CLV backtests have none)" };
  if ("unavailable" in backtest) return { figures: null, shown: "none", why: backtest.unavailable };
  const { spearman, mae, baselineMae } = backtest;
  if (!isFiniteNumber(spearman) || !isFiniteNumber(mae) || !isFiniteNumber(baselineMae) || baselineMae <= 0) {
    return { figures: null, shown: "undefined", why: "its Spearman correlation or error ratio is undefined (constant predictions or a zero baseline error)" };
  }
  const errorRatio = mae / baselineMae;
  return { figures: { spearman, errorRatio }, shown: `Spearman ${fmt(spearman)}, error ${fmt(errorRatio, 2)}× baseline`, why: "" };
}

function clvShiftRule(active: GateMetrics | null, clvChanges: ClvChanges | null, limits: GateTolerances): GateRule {
  const shift = formatPercent(limits.maxClvShift);
  const text = {
    rule: "CLV of unchanged customers",
    description: `Among customers whose own data (profile and order lines) did not change since the active run and who have a CLV in both runs, at most ${formatPercent(limits.maxClvShiftShare)} may see it move by more than ${shift}; otherwise the run is held for review.`,
    threshold: `at most ${formatPercent(limits.maxClvShiftShare)} moved by more than ${shift}`,
  };
  if (!active) return notApplicable(text, null, null, "no model was active");
  if (!clvChanges) return notApplicable(text, null, null, "CLV was not compared with the active run");
  if ("reason" in clvChanges) return notApplicable(text, null, null, clvChanges.reason);
  const { compared, moved, medianChange } = summariseClvChanges(clvChanges.changes, limits.maxClvShift);
  const share = moved / compared;
  const shown = `${formatCount(moved)} of ${formatCount(compared)} (${formatPercent(share)}) moved by more than ${shift}; median change ${formatSignedPercent(medianChange)}`;
  const problem = exceeds(share, limits.maxClvShiftShare)
    ? `CLV moved by more than ${shift} for ${formatCount(moved)} of ${formatCount(compared)} customers (${formatPercent(share)}) whose own data did not change; median change ${formatSignedPercent(medianChange)}`
    : null;
  return judged(text, shown, null, problem, "held for review");
}

/** A value equal to the tolerance is allowed; the epsilon keeps 0.90 − 0.88 from counting as more than 0.02. */
function exceeds(value: number, tolerance: number): boolean {
  return value > tolerance + 1e-9;
}

const isFiniteNumber = (value: number | null): value is number => value !== null && Number.isFinite(value);

function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

const fmtAuc = (auc: number | null) => (auc === null ? "none" : fmt(auc));
const formatCount = (value: number) => value.toLocaleString("en-US");

function formatPercent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** With a real minus sign, as the page prints it. */
function formatSignedPercent(share: number): string {
  const rounded = Math.round(share * 100);
  return rounded > 0 ? `+${rounded}%` : rounded < 0 ? `−${-rounded}%` : "0%";
}
