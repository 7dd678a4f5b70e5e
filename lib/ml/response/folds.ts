/** Seeded stratified splits: each class is shuffled and dealt round-robin. */
import { createRng } from "@/lib/ml/random";

/** The fold (0..k-1) of every row, with each class spread as evenly as possible over the folds. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`stratifiedFolds: k must be an integer ≥ 2, got ${k}`);
  const rng = createRng(seed);
  const fold = new Int32Array(labels.length);
  let dealt = 0;
  for (const label of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    if (rows.length < k) throw new Error(`stratifiedFolds: only ${rows.length} rows of class ${label} for ${k} folds`);
    // Continue the deal where the previous class stopped so fold sizes differ by at most one.
    rng.shuffle(rows).forEach((row) => (fold[row] = dealt++ % k));
  }
  return fold;
}

/** A stratified train/validation split: validation gets about `fraction` of each class. */
export function stratifiedSplit(labels: ArrayLike<number>, fraction: number, seed: number): { train: number[]; validation: number[] } {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`stratifiedSplit: fraction must be in (0, 1), got ${fraction}`);
  const rng = createRng(seed);
  const train: number[] = [];
  const validation: number[] = [];
  for (const label of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    const cut = Math.round(rows.length * fraction);
    rng.shuffle(rows).forEach((row, position) => (position < cut ? validation : train).push(row));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}

/**
 * A seeded sample of `size` rows with each class at its share of the whole (rounded), row
 * indices ascending; all rows when there are no more than `size`.
 */
export function stratifiedSample(labels: ArrayLike<number>, size: number, seed: number): number[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`stratifiedSample: size must be a positive integer, got ${size}`);
  if (labels.length <= size) return Array.from({ length: labels.length }, (_, i) => i);
  const rng = createRng(seed);
  const picked: number[] = [];
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  const quota = { 1: Math.round((size * positives) / labels.length), 0: 0 };
  quota[0] = size - quota[1];
  for (const label of [1, 0] as const) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    for (const j of rng.sample(rows.length, quota[label])) picked.push(rows[j]);
  }
  return picked.sort((a, b) => a - b);
}
