import { describe, expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { fitLearnersInLanes, type LearnerFit } from "@/lib/ml/response/learnerLanes";
import { sigmoid } from "@/lib/ml/response/logistic";
import { fitLearner, type LearnerParameters } from "@/lib/ml/response/models";
import { withoutLayerNames } from "@/tests/support/withoutLayerNames";

/** 500 rows of three standard-normal features; labels from σ(−1 + 2·x₀ − x₁). */
function simulate(seed: number) {
  const rng = createRng(seed);
  const rows = 500;
  const matrix = new Float64Array(rows * 3);
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 3; j++) matrix[i * 3 + j] = rng.normal();
    labels.push(rng.next() < sigmoid(-1 + 2 * matrix[i * 3] - matrix[i * 3 + 1]) ? 1 : 0);
  }
  return { data: { matrix, rows, columns: 3, names: ["recency", "income", "age"], rowsExcludedFromFit: [] }, labels };
}

const options = { mlp: { maxEpochs: 10, hiddenUnits: [8] } };
const fits: LearnerFit[] = [1, 2, 3, 4].map((seed) => ({ kind: seed === 2 ? "logistic" : "mlp", ...simulate(seed), seed: 10 + seed }));

describe("learner fits shared with a worker thread", () => {
  test("every fit is made once, some in the worker, each as this thread makes it", async () => {
    const fitted: { index: number; parameters: LearnerParameters; thread: string }[] = [];
    let workerFitted = () => {};
    const workerHasFitted = new Promise<void>((resolve) => (workerFitted = resolve));
    await fitLearnersInLanes(fits, options, true, async (index, parameters, _milliseconds, thread) => {
      fitted.push({ index, parameters, thread });
      // This thread waits after each of its fits until the worker has made one, however slowly it starts.
      if (thread === "worker") workerFitted();
      else await workerHasFitted;
    });
    expect(fitted.map((fit) => fit.index).toSorted()).toEqual([0, 1, 2, 3]);
    expect(fitted.some((fit) => fit.thread === "worker")).toBe(true);
    for (const { index, parameters } of fitted) {
      const { kind, data, labels, seed } = fits[index];
      expect(withoutLayerNames(parameters)).toEqual(withoutLayerNames(await fitLearner(kind, data, labels, seed, options)));
    }
  });

  test("without the worker, this thread makes every fit in order", async () => {
    const fitted: [number, string][] = [];
    await fitLearnersInLanes(fits, options, false, (index, _parameters, _milliseconds, thread) => void fitted.push([index, thread]));
    expect(fitted).toEqual([
      [0, "this"],
      [1, "this"],
      [2, "this"],
      [3, "this"],
    ]);
  });

  test("a fit that fails in the worker fails the whole", async () => {
    const bad: LearnerFit = { ...fits[0], labels: [1] };
    // This thread makes the good fit, then waits for good: the bad one is left to the worker.
    const failing = fitLearnersInLanes([fits[0], bad], options, true, (_index, _parameters, _milliseconds, thread) =>
      thread === "this" ? new Promise<void>(() => {}) : undefined,
    );
    await expect(failing).rejects.toThrow("fitLearner in a worker thread: fitMlp: matrix has 1500 values, expected 1 × 3");
  });
});
