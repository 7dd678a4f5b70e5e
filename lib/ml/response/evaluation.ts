/** Every reported metric of the champion, computed on its out-of-fold predictions. */
import { buildGainsTable, findProfitThreshold, type GainsRow, type ProfitOptions, type ProfitThreshold } from "./gains";
import {
  averagePrecision,
  buildCalibrationCurve,
  countConfusionAt,
  computeMajorityBaseline,
  rocAuc,
  brierScore,
  type CalibrationBin,
  type Confusion,
} from "./metrics";

export interface ResponseMetrics {
  rows: number;
  responders: number;
  rocAuc: number;
  prAuc: number;
  /** Accuracy of predicting "no response" for everyone, to read accuracy against. */
  majorityBaseline: number;
  /** Confusion at probability 0.5 (accuracy, precision, recall, F1 within). */
  atHalf: Confusion;
  atProfitThreshold: Confusion | null;
  brier: number;
  calibrationCurve: CalibrationBin[];
  gains: GainsRow[];
  profit: ProfitThreshold;
}

/**
 * `calibrated` are honest (cross-fitted) calibrated probabilities, used for everything that
 * depends on probability values; `deployed` are the OOF predictions under the final
 * calibration, used for the profit threshold so it applies to predictResponse's output.
 * Ranking metrics are the same for both (calibration is monotone).
 */
export function evaluateResponse(labels: ArrayLike<number>, calibrated: Float64Array, deployed: Float64Array, economics: ProfitOptions): ResponseMetrics {
  let responders = 0;
  for (let i = 0; i < labels.length; i++) responders += labels[i];
  const profit = findProfitThreshold(labels, deployed, economics);
  return {
    rows: labels.length,
    responders,
    rocAuc: rocAuc(labels, deployed),
    prAuc: averagePrecision(labels, deployed),
    majorityBaseline: computeMajorityBaseline(labels),
    atHalf: countConfusionAt(labels, calibrated, 0.5),
    atProfitThreshold: profit.threshold === null ? null : countConfusionAt(labels, deployed, profit.threshold),
    brier: brierScore(labels, calibrated),
    calibrationCurve: buildCalibrationCurve(labels, calibrated, 10),
    gains: buildGainsTable(labels, deployed),
    profit,
  };
}
