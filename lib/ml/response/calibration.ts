/**
 * Platt scaling: p' = σ(a · logit(p) + b), fitted on out-of-fold predictions. It corrects the
 * class-weighted MLP, whose raw outputs overstate the response rate, and leaves an already
 * calibrated model nearly unchanged (a ≈ 1, b ≈ 0).
 */
import { fitLogistic, sigmoid } from "./logistic";
import { brierScore, checkBinary } from "./metrics";

export interface PlattScaling {
  method: "platt";
  a: number;
  b: number;
}

/** Keeps logits finite for probabilities of exactly 0 or 1. */
const EPSILON = 1e-7;
const logit = (p: number): number => {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
};

export function fitPlatt(labels: ArrayLike<number>, probabilities: ArrayLike<number>): PlattScaling {
  checkBinary(labels, probabilities, "fitPlatt");
  const logits = Float64Array.from({ length: labels.length }, (_, i) => logit(probabilities[i]));
  const fit = fitLogistic(logits, 1, labels, { l2: 0 });
  return { method: "platt", a: fit.coefficients[0], b: fit.intercept };
}

export function applyPlatt(scaling: PlattScaling, probabilities: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: probabilities.length }, (_, i) => sigmoid(scaling.a * logit(probabilities[i]) + scaling.b));
}

export interface CalibrationReport {
  scaling: PlattScaling;
  brierBefore: number;
  /** Each fold calibrated by a scaling fitted on the other folds: an honest estimate. */
  brierAfter: number;
  /** Calibrated by the final scaling, fitted on all of them (slightly optimistic). */
  brierAfterInSample: number;
}

/** Fits the final scaling on all out-of-fold predictions and measures it fold by fold. */
export function calibrateOutOfFold(
  labels: ArrayLike<number>,
  oof: ArrayLike<number>,
  folds: Int32Array,
): { report: CalibrationReport; crossFitted: Float64Array } {
  const scaling = fitPlatt(labels, oof);
  const crossFitted = new Float64Array(labels.length);
  const k = folds.reduce((most, fold) => Math.max(most, fold), 0) + 1;
  for (let fold = 0; fold < k; fold++) {
    const rest = [...folds.keys()].filter((i) => folds[i] !== fold);
    const inFold = [...folds.keys()].filter((i) => folds[i] === fold);
    const foldScaling = fitPlatt(
      rest.map((i) => labels[i]),
      rest.map((i) => oof[i]),
    );
    const calibrated = applyPlatt(
      foldScaling,
      inFold.map((i) => oof[i]),
    );
    inFold.forEach((row, j) => (crossFitted[row] = calibrated[j]));
  }
  return {
    report: {
      scaling,
      brierBefore: brierScore(labels, oof),
      brierAfter: brierScore(labels, crossFitted),
      brierAfterInSample: brierScore(labels, applyPlatt(scaling, oof)),
    },
    crossFitted,
  };
}
