import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_SEARCH_SPACE, drawHyperParameters, isBetterTrial, tuneSegmentClassifier, type TunerResult, type TunerTrial } from "@/lib/ml/assignment/tuner";
import { loadTf } from "@/lib/ml/tf";
import { separatedBlobs } from "./blobs";

const { X, labels } = separatedBlobs(200, 3, 6, 11);

describe("hyper-parameter draws", () => {
  const draws = drawHyperParameters(DEFAULT_SEARCH_SPACE, 50, 9);

  test("the same seed gives the same draws, another seed others", () => {
    expect(drawHyperParameters(DEFAULT_SEARCH_SPACE, 50, 9)).toEqual(draws);
    expect(drawHyperParameters(DEFAULT_SEARCH_SPACE, 50, 10)).not.toEqual(draws);
  });

  test("stay on the grid of the search space", () => {
    for (const { units, learningRate, dropout } of draws) {
      expect([32, 64, 96, 128]).toContain(units[0]);
      expect([64, 128, 192, 256]).toContain(units[1]);
      expect([32, 64, 96, 128]).toContain(units[2]);
      expect(learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(learningRate).toBeLessThanOrEqual(1e-2);
      expect([0, 0.1, 0.2, 0.3, 0.4, 0.5]).toContain(dropout);
    }
  });

  test("reach both ends of every range", () => {
    expect(new Set(draws.map((d) => d.units[1]))).toEqual(new Set([64, 128, 192, 256]));
    expect(new Set(draws.map((d) => d.dropout))).toEqual(new Set([0, 0.1, 0.2, 0.3, 0.4, 0.5]));
  });

  test("spread the learning rate over orders of magnitude (log-uniform)", () => {
    const decades = new Set(draws.map((d) => Math.floor(Math.log10(d.learningRate))));
    expect(decades).toEqual(new Set([-4, -3]));
  });

  test("refuse an empty range", () => {
    expect(() => drawHyperParameters({ ...DEFAULT_SEARCH_SPACE, dropout: { min: 0.5, max: 0, step: 0.1 } }, 1, 1)).toThrow(/dropout needs min ≤ max/);
  });
});

describe("random-search tuner with a budget of 3 trials", () => {
  let result: TunerResult;
  let tensorsBefore: number;
  const options = { seed: 4, trials: 3, maxEpochs: 8 };

  beforeAll(async () => {
    tensorsBefore = (await loadTf()).memory().numTensors;
    result = await tuneSegmentClassifier(X, labels, 3, options);
  });

  test("leaves no tensors behind", async () => {
    expect((await loadTf()).memory().numTensors).toBe(tensorsBefore);
  });

  test("runs 3 trials", () => {
    expect(result.trials.map((t) => t.trial)).toEqual([0, 1, 2]);
    expect(result.stoppedByTime).toBe(false);
  });

  test("returns the trial with the best validation accuracy, then the lowest validation loss", () => {
    const ranked = [...result.trials].sort((a, b) => b.validationAccuracy - a.validationAccuracy || a.validationLoss - b.validationLoss);
    expect(result.bestTrial).toBe(ranked[0].trial);
    expect(result.best).toEqual(ranked[0].hyperParameters);
  });

  test("the same seed tries the same hyper-parameters and scores them the same", async () => {
    const again = await tuneSegmentClassifier(X, labels, 3, options);
    const strip = (trials: TunerTrial[]) => trials.map(({ milliseconds: _, ...rest }) => rest);
    expect(strip(again.trials)).toEqual(strip(result.trials));
  });

  test("starts no trial after the time budget is spent", async () => {
    const cut = await tuneSegmentClassifier(X, labels, 3, { ...options, timeBudgetMs: 1 });
    expect(cut.trials).toHaveLength(1);
    expect(cut.stoppedByTime).toBe(true);
  });
});

const trial = (trial: number, validationAccuracy: number, validationLoss: number): TunerTrial => ({
  trial,
  validationAccuracy,
  validationLoss,
  hyperParameters: { units: [32], learningRate: 1e-3, dropout: 0 },
  epochs: 1,
  bestEpoch: 1,
  milliseconds: 0,
});

test.each([
  ["higher accuracy wins over lower loss", trial(1, 0.99, 0.5), trial(0, 0.98, 0.1), true],
  ["at equal accuracy the lower loss wins", trial(1, 0.99, 0.1), trial(0, 0.99, 0.2), true],
  ["a full tie goes to the earlier trial", trial(1, 0.99, 0.1), trial(0, 0.99, 0.1), false],
])("%s", (_, a, b, expected) => {
  expect(isBetterTrial(a, b)).toBe(expected);
});
