/** Seeded, well-separated Gaussian blobs for the assignment tests: blob c sits at 6 on axis c. */
import { createRng } from "@/lib/ml/random";

export function separatedBlobs(perBlob: number, blobs: number, columns: number, seed: number): { X: Float64Array; labels: Int32Array } {
  const rng = createRng(seed);
  const rows = perBlob * blobs;
  const X = new Float64Array(rows * columns);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    labels[i] = i % blobs;
    for (let j = 0; j < columns; j++) X[i * columns + j] = (j === labels[i] ? 6 : 0) + rng.normal();
  }
  return { X, labels };
}
