/**
 * Binary-classification metrics over labels (0/1) and scores. Ties in scores are always
 * handled as groups, so results do not depend on the order of tied rows.
 */

export type Labels = ArrayLike<number>;
export type Scores = ArrayLike<number>;

export function checkBinary(labels: Labels, scores: Scores, where: string): { positives: number; negatives: number } {
  if (labels.length !== scores.length) throw new Error(`${where}: ${labels.length} labels but ${scores.length} scores`);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`${where}: label ${labels[i]} at row ${i} is not 0/1`);
    if (!Number.isFinite(scores[i])) throw new Error(`${where}: score ${scores[i]} at row ${i} is not finite`);
    positives += labels[i];
  }
  return { positives, negatives: labels.length - positives };
}

/** Row indices by descending score; ties keep input order (callers group them). */
export function orderByScore(scores: Scores): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}

/** ROC AUC as the Mann–Whitney statistic with mid-ranks: a tied positive/negative pair counts 1/2. */
export function rocAuc(labels: Labels, scores: Scores): number {
  const { positives, negatives } = checkBinary(labels, scores, "rocAuc");
  if (positives === 0 || negatives === 0) return Number.NaN;
  const order = orderByScore(scores);
  let rankSumPositives = 0;
  // Ranks ascending from the bottom: the group at descending positions [start, end) has ranks n-end+1 .. n-start.
  for (let start = 0; start < order.length;) {
    let end = start;
    let groupPositives = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) groupPositives += labels[order[end++]];
    const midRank = order.length - (start + end - 1) / 2;
    rankSumPositives += groupPositives * midRank;
    start = end;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Average precision: Σ (recall_k − recall_{k−1}) · precision_k over distinct score thresholds. */
export function averagePrecision(labels: Labels, scores: Scores): number {
  const { positives } = checkBinary(labels, scores, "averagePrecision");
  if (positives === 0) return Number.NaN;
  const order = orderByScore(scores);
  let truePositives = 0;
  let ap = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    let groupPositives = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) groupPositives += labels[order[end++]];
    truePositives += groupPositives;
    ap += (groupPositives / positives) * (truePositives / end);
    start = end;
  }
  return ap;
}

export function brierScore(labels: Labels, probabilities: Scores): number {
  checkBinary(labels, probabilities, "brierScore");
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

export interface Confusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Predicted positive when score ≥ threshold; precision is 0 when nothing is predicted positive. */
export function countConfusionAt(labels: Labels, scores: Scores, threshold: number): Confusion {
  checkBinary(labels, scores, "countConfusionAt");
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = scores[i] >= threshold;
    const positive = labels[i] === 1;
    if (predicted && positive) tp++;
    else if (predicted) fp++;
    else if (positive) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    accuracy: (tp + tn) / labels.length,
    precision,
    recall,
    f1,
  };
}

/** Accuracy of always predicting the more frequent class. */
export function computeMajorityBaseline(labels: Labels): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return Math.max(positives, labels.length - positives) / labels.length;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Equal-width probability bins on [0, 1]; empty bins have null means (JSON has no NaN). */
export function buildCalibrationCurve(labels: Labels, probabilities: Scores, bins = 10): CalibrationBin[] {
  checkBinary(labels, probabilities, "buildCalibrationCurve");
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)));
    count[bin]++;
    predicted[bin] += probabilities[i];
    observed[bin] += labels[i];
  }
  return count.map((n, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: n,
    meanPredicted: n > 0 ? predicted[b] / n : null,
    observedRate: n > 0 ? observed[b] / n : null,
  }));
}
