import { expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { applyPlatt, calibrateOutOfFold, fitPlatt } from "@/lib/ml/response/calibration";
import { stratifiedFolds } from "@/lib/ml/response/folds";
import { sigmoid } from "@/lib/ml/response/logistic";

/** True logits z; the "model" overstates them as σ((z + 2) / 2), so z = 2·logit(p) − 2. */
function distorted(n: number, seed: number) {
  const rng = createRng(seed);
  const labels = new Int32Array(n);
  const predicted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = -1.5 + 1.5 * rng.normal();
    labels[i] = rng.next() < sigmoid(z) ? 1 : 0;
    predicted[i] = sigmoid((z + 2) / 2);
  }
  return { labels, predicted };
}

test("Platt scaling recovers the distortion a = 2, b = −2", () => {
  const { labels, predicted } = distorted(20_000, 3);
  const scaling = fitPlatt(labels, predicted);
  expect(Math.abs(scaling.a - 2)).toBeLessThan(0.15);
  expect(Math.abs(scaling.b + 2)).toBeLessThan(0.15);
});

test("cross-fitted calibration lowers the Brier score of distorted probabilities", () => {
  const { labels, predicted } = distorted(5_000, 4);
  const { report, crossFitted } = calibrateOutOfFold(labels, predicted, stratifiedFolds(labels, 5, 1));
  expect(report.brierAfter).toBeLessThan(report.brierBefore - 0.01);
  expect(crossFitted).toHaveLength(5_000);
});

test("applying a = 1, b = 0 leaves probabilities unchanged", () => {
  const out = applyPlatt({ method: "platt", a: 1, b: 0 }, [0.1, 0.5, 0.9]);
  [0.1, 0.5, 0.9].forEach((p, i) => expect(out[i]).toBeCloseTo(p, 12));
});
