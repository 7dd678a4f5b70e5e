/**
 * Random-search tuning of the assignment network (standing in for the seed project's Keras
 * Tuner): hidden widths, learning rate and dropout are drawn from a seeded search space, each
 * trial trains on the same seed-derived train/validation split as fitSegmentClassifier and is
 * scored on the validation rows only, so the test rows stay untouched for the final fit.
 */
import { createRng } from "@/lib/ml/random";
import type { ClassifierHyperParameters } from "./network";
import { checkHyperParameters, prepareRun, trainCandidate, type ClassifierOptions } from "./training";

export interface IntegerRange {
  min: number;
  max: number;
  step: number;
}

export interface SearchSpace {
  /** One range per hidden layer. */
  units: IntegerRange[];
  /** Drawn log-uniformly. */
  learningRate: { min: number; max: number };
  dropout: IntegerRange;
}

export const DEFAULT_SEARCH_SPACE: SearchSpace = {
  units: [
    { min: 32, max: 128, step: 32 },
    { min: 64, max: 256, step: 64 },
    { min: 32, max: 128, step: 32 },
  ],
  learningRate: { min: 1e-4, max: 1e-2 },
  dropout: { min: 0, max: 0.5, step: 0.1 },
};

export interface TunerOptions extends Omit<ClassifierOptions, "hyperParameters"> {
  /** Default 8. */
  trials?: number;
  /** No trial starts after this many milliseconds (the first always runs). Trials cut this way depend on machine speed. */
  timeBudgetMs?: number;
  space?: SearchSpace;
}

export interface TunerTrial {
  trial: number;
  hyperParameters: ClassifierHyperParameters;
  validationAccuracy: number;
  validationLoss: number;
  epochs: number;
  bestEpoch: number;
  milliseconds: number;
}

export interface TunerResult {
  best: ClassifierHyperParameters;
  bestTrial: number;
  trials: TunerTrial[];
  stoppedByTime: boolean;
}

/** A value on the grid min, min + step, …, max. */
function drawOnGrid(range: IntegerRange, next: () => number): number {
  const steps = Math.floor((range.max - range.min) / range.step + 1e-9);
  return Number((range.min + range.step * Math.floor(next() * (steps + 1))).toFixed(10));
}

/** `count` hyper-parameter sets drawn from the space; the same seed gives the same draws. */
export function drawHyperParameters(space: SearchSpace, count: number, seed: number): ClassifierHyperParameters[] {
  checkSpace(space);
  const rng = createRng(seed);
  const [logMin, logMax] = [Math.log(space.learningRate.min), Math.log(space.learningRate.max)];
  return Array.from({ length: count }, () => ({
    units: space.units.map((range) => drawOnGrid(range, rng.next)),
    learningRate: Number(Math.exp(logMin + rng.next() * (logMax - logMin)).toPrecision(3)),
    dropout: drawOnGrid(space.dropout, rng.next),
  }));
}

/** Higher validation accuracy wins; equal accuracy goes to the lower validation loss, then the earlier trial. */
export function isBetterTrial(a: TunerTrial, b: TunerTrial): boolean {
  if (a.validationAccuracy !== b.validationAccuracy) return a.validationAccuracy > b.validationAccuracy;
  if (a.validationLoss !== b.validationLoss) return a.validationLoss < b.validationLoss;
  return a.trial < b.trial;
}

export async function tuneSegmentClassifier(X: Float64Array, labels: Int32Array, k: number, options: TunerOptions): Promise<TunerResult> {
  const { trials: count = 8, timeBudgetMs = Infinity, space = DEFAULT_SEARCH_SPACE, ...fitOptions } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`tuneSegmentClassifier: trials must be a positive integer, got ${count}`);
  if (!(timeBudgetMs > 0)) throw new Error(`tuneSegmentClassifier: timeBudgetMs must be > 0, got ${timeBudgetMs}`);
  const run = await prepareRun(X, labels, k, fitOptions, "tuneSegmentClassifier");
  const candidates = drawHyperParameters(space, count, createRng(options.seed).seed());
  const started = performance.now();
  const trials: TunerTrial[] = [];
  for (const [trial, hyperParameters] of candidates.entries()) {
    if (trial > 0 && performance.now() - started >= timeBudgetMs) break;
    const trialStart = performance.now();
    const { model, outcome } = trainCandidate(run, hyperParameters);
    model.dispose();
    trials.push({
      trial,
      hyperParameters,
      validationAccuracy: outcome.validationAccuracy,
      validationLoss: outcome.validationLoss,
      epochs: outcome.history.length,
      bestEpoch: outcome.bestEpoch,
      milliseconds: performance.now() - trialStart,
    });
  }
  const best = trials.reduce((a, b) => (isBetterTrial(b, a) ? b : a));
  return { best: best.hyperParameters, bestTrial: best.trial, trials, stoppedByTime: trials.length < count };
}

function checkSpace(space: SearchSpace): void {
  const where = "drawHyperParameters";
  const checkRange = (range: IntegerRange, name: string) => {
    if (!(range.step > 0 && range.min <= range.max)) throw new Error(`${where}: ${name} needs min ≤ max and step > 0, got ${JSON.stringify(range)}`);
  };
  if (space.units.length === 0) throw new Error(`${where}: the space has no hidden layers`);
  space.units.forEach((range, i) => checkRange(range, `units[${i}]`));
  checkRange(space.dropout, "dropout");
  if (!(space.learningRate.min > 0 && space.learningRate.min <= space.learningRate.max)) {
    throw new Error(`${where}: learningRate needs 0 < min ≤ max, got ${JSON.stringify(space.learningRate)}`);
  }
  checkHyperParameters({ units: space.units.map((r) => r.min), learningRate: space.learningRate.min, dropout: space.dropout.max }, where);
}
