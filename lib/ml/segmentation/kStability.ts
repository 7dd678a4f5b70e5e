/**
 * Stability of k-means at each k (Ben-Hur, Elisseeff & Guyon 2002; Lange et al. 2004): fit
 * k-means on several seeded subsamples of the rows, compare every pair of fits on the rows the
 * two subsamples share with the adjusted Rand index, and average. Segments that are really in
 * the data come back whichever customers are drawn (near 1); a k that cuts a continuum cuts it
 * differently each time (near 0). Every k is measured on the same subsamples and fit seeds.
 */
import { createRng } from "@/lib/ml/random";
import { adjustedRandIndex } from "@/lib/ml/stability/adjustedRand";
import { fitKmeansSync } from "./kmeans";
import { selectRows, type DenseMatrix } from "./matrix";

export interface StabilityOptions {
  seed: number;
  /** Subsamples drawn. Default 5 (10 pairs). */
  resamples?: number;
  /** Share of the rows in each subsample. Default 0.8. */
  fraction?: number;
  /**
   * k-means restarts per subsample fit. Default 2: the fits only need to agree; on the real file
   * two restarts find the same stable k as three in each space (one restart does not: its
   * seeding luck pulls pca's k = 4 and 5 under 0.8).
   */
  restarts?: number;
}

export const STABILITY_DEFAULTS = { resamples: 5, fraction: 0.8, restarts: 2 } as const;

interface Subsample {
  rows: DenseMatrix;
  /** Position of each original row in this subsample, -1 when not drawn. */
  positionOf: Int32Array;
  seed: number;
}

/** Rows a subsample holds for the given row count and fraction. */
export function subsampleRows(rows: number, fraction: number = STABILITY_DEFAULTS.fraction): number {
  return Math.floor(rows * fraction);
}

/** Mean pairwise adjusted Rand index of the subsample fits, one value per k in `ks`. */
export function measureKStabilities(matrix: DenseMatrix, ks: readonly number[], options: StabilityOptions): number[] {
  const { resamples, fraction, restarts } = { ...STABILITY_DEFAULTS, ...options };
  if (!Number.isInteger(resamples) || resamples < 2) throw new Error(`measureKStabilities: resamples must be an integer ≥ 2, got ${resamples}`);
  if (!(fraction > 0 && fraction < 1)) throw new Error(`measureKStabilities: fraction must be between 0 and 1, got ${fraction}`);
  const size = subsampleRows(matrix.rows, fraction);
  const tooLarge = ks.find((k) => !Number.isInteger(k) || k < 2 || k >= size);
  if (tooLarge !== undefined) throw new Error(`measureKStabilities: k = ${tooLarge} needs 2 ≤ k < ${size} (rows in a subsample of ${matrix.rows})`);

  const rng = createRng(options.seed);
  const subsamples: Subsample[] = Array.from({ length: resamples }, () => {
    const picked = rng.sample(matrix.rows, size).sort((a, b) => a - b);
    const positionOf = new Int32Array(matrix.rows).fill(-1);
    picked.forEach((row, position) => (positionOf[row] = position));
    return { rows: selectRows(matrix, picked), positionOf, seed: rng.seed() };
  });
  const pairs = sharedRowPairs(subsamples, matrix.rows);

  return ks.map((k) => {
    const labels = subsamples.map((subsample) => fitKmeansSync(subsample.rows, { k, restarts, seed: subsample.seed }).labels);
    let total = 0;
    for (const { a, b, inA, inB } of pairs) {
      total += adjustedRandIndex(
        Int32Array.from(inA, (p) => labels[a][p]),
        Int32Array.from(inB, (p) => labels[b][p]),
      );
    }
    return total / pairs.length;
  });
}

/** For each pair of subsamples, the positions in each of the rows both hold (computed once for every k). */
function sharedRowPairs(subsamples: readonly Subsample[], rows: number) {
  const pairs: { a: number; b: number; inA: Int32Array; inB: Int32Array }[] = [];
  for (let a = 0; a < subsamples.length; a++) {
    for (let b = a + 1; b < subsamples.length; b++) {
      const inA: number[] = [];
      const inB: number[] = [];
      for (let row = 0; row < rows; row++) {
        const pa = subsamples[a].positionOf[row];
        const pb = subsamples[b].positionOf[row];
        if (pa >= 0 && pb >= 0) {
          inA.push(pa);
          inB.push(pb);
        }
      }
      pairs.push({ a, b, inA: Int32Array.from(inA), inB: Int32Array.from(inB) });
    }
  }
  return pairs;
}
