/**
 * Seeded stratified partitions over k classes: every class is shuffled on its own and the
 * same fraction of it is taken, so small segments keep their share in every part.
 */
import type { Rng } from "@/lib/ml/random";

export interface Partition {
  picked: number[];
  rest: number[];
}

/** Takes round(fraction × size) rows of each class from `rows`; both parts come back sorted. */
export function stratifiedPartition(rows: readonly number[], labels: Int32Array, k: number, fraction: number, rng: Rng): Partition {
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`stratifiedPartition: fraction must be in [0, 1], got ${fraction}`);
  const byClass = Array.from({ length: k }, () => [] as number[]);
  for (const row of rows) byClass[labels[row]].push(row);
  const picked: number[] = [];
  const rest: number[] = [];
  for (const members of byClass) {
    const cut = Math.round(members.length * fraction);
    rng.shuffle(members).forEach((row, position) => (position < cut ? picked : rest).push(row));
  }
  return { picked: picked.sort((a, b) => a - b), rest: rest.sort((a, b) => a - b) };
}

export interface ClassifierSplits {
  /** Rows the network learns from. */
  train: number[];
  /** Rows for early stopping and for scoring tuner trials. */
  validation: number[];
  /** Rows never seen in training or tuning, for the reported accuracy. */
  test: number[];
}

export interface SplitPlan {
  testFraction: number;
  /** At most this many rows are held out for the test: past a few tens of thousands the accuracy is as sure and scoring them only costs time. */
  testRows: number;
  validationFraction: number;
  /** At most this many rows (a stratified sample of the non-test rows) feed train + validation. */
  trainingRows: number;
}

/**
 * Test rows first (a stratified fraction of everyone, at most `testRows`), then a stratified sample of the rest
 * capped at `trainingRows`, then the validation rows out of that sample.
 */
export function planSplits(labels: Int32Array, k: number, plan: SplitPlan, rng: Rng): ClassifierSplits {
  const all = Array.from({ length: labels.length }, (_, i) => i);
  const { picked: test, rest } = stratifiedPartition(all, labels, k, Math.min(plan.testFraction, plan.testRows / labels.length), rng);
  const used = rest.length > plan.trainingRows ? stratifiedPartition(rest, labels, k, plan.trainingRows / rest.length, rng).picked : rest;
  const { picked: validation, rest: train } = stratifiedPartition(used, labels, k, plan.validationFraction, rng);
  if (train.length === 0 || validation.length === 0 || test.length === 0) {
    throw new Error(`planSplits: ${labels.length} rows leave ${train.length} to train, ${validation.length} to validate, ${test.length} to test`);
  }
  return { train, validation, test };
}
