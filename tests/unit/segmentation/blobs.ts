/** Seeded Gaussian blobs for the segmentation tests. */
import { createRng } from "@/lib/ml/random";
import type { DenseMatrix } from "@/lib/ml/segmentation";

export interface Blobs {
  matrix: DenseMatrix;
  /** Generating blob of each row. */
  groups: Int32Array;
}

/** `perBlob` rows around each centre, unit-variance noise times `spread`, rows in blob order. */
export function blobs(centres: readonly (readonly number[])[], perBlob: number, spread: number, seed: number): Blobs {
  const rng = createRng(seed);
  const columns = centres[0].length;
  const rows = centres.length * perBlob;
  const data = new Float64Array(rows * columns);
  const groups = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    groups[i] = Math.floor(i / perBlob);
    for (let c = 0; c < columns; c++) data[i * columns + c] = centres[groups[i]][c] + spread * rng.normal();
  }
  return { matrix: { data, rows, columns }, groups };
}

/** Random centres in [-scale, scale]^columns. */
export function randomCentres(count: number, columns: number, scale: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Array.from({ length: columns }, () => (2 * rng.next() - 1) * scale));
}

/** True when the two labellings define the same partition (equal up to renaming the labels). */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i]) return false;
    forward.set(a[i], b[i]);
    backward.set(b[i], a[i]);
  }
  return true;
}
