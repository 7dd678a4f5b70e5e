/**
 * ml-kmeans (the ml.js library, a dev dependency only) as the reference for our k-means
 * iterations: from the same initial centroids, plain Lloyd and the Hamerly-accelerated version
 * must end on the same partition, label for label, and the same centroids. Both run to a fixed
 * point (tolerance 0), so neither stops early on its own convergence rule.
 */
import { describe, expect, test } from "vitest";
import { kmeans as referenceKmeans } from "ml-kmeans";
import { createRng } from "@/lib/ml/random";
import { hamerly } from "@/lib/ml/segmentation/hamerly";
import { seedingFromCenters } from "@/lib/ml/segmentation/kmeansSeeding";
import { lloyd } from "@/lib/ml/segmentation/lloyd";
import { toRows, type DenseMatrix } from "@/lib/ml/segmentation/matrix";
import { blobs, randomCentres } from "../segmentation/blobs";

/** k distinct rows drawn with a seed: the initial centroids both implementations start from. */
function initialCentroids(matrix: DenseMatrix, k: number, seed: number): number[][] {
  const rng = createRng(seed);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(rng.int(matrix.rows));
  return [...picked].map((row) => Array.from(matrix.data.subarray(row * matrix.columns, (row + 1) * matrix.columns)));
}

/** Separated and overlapping blobs in 2 to 6 dimensions; the overlapping ones take many iterations to settle. */
const DATASETS = [
  { name: "4 separated blobs in 2-d", k: 4, data: blobs(randomCentres(4, 2, 10, 1), 40, 1, 11).matrix },
  { name: "5 overlapping blobs in 3-d", k: 5, data: blobs(randomCentres(5, 3, 3, 2), 60, 1.5, 12).matrix },
  { name: "3 blobs in 6-d, k = 6", k: 6, data: blobs(randomCentres(3, 6, 5, 3), 50, 2, 13).matrix },
  { name: "one wide cloud in 4-d, k = 8", k: 8, data: blobs([[0, 0, 0, 0]], 300, 1, 14).matrix },
];

describe.each(DATASETS)("$name: the same fixed point as ml-kmeans from the same start", ({ k, data }) => {
  test.each([1, 2, 3])("initial centroids drawn with seed %i", (seed) => {
    const start = initialCentroids(data, k, seed);
    const reference = referenceKmeans(toRows(data.data, data.rows, data.columns), k, { initialization: start, tolerance: 0, maxIterations: 1000 });
    const seeding = seedingFromCenters(data, Float64Array.from(start.flat()));
    const options = { maxIterations: 1000, tolerance: 0 };
    for (const iterate of [lloyd, hamerly]) {
      const ours = iterate(data, seeding, k, options);
      expect(ours.converged, iterate.name).toBe(true);
      expect(reference.converged).toBe(true);
      expect(Array.from(ours.labels), iterate.name).toEqual(reference.clusters);
      const centroids = toRows(ours.centers, k, data.columns);
      centroids.forEach((centre, j) =>
        centre.forEach((value, c) => expect(Math.abs(value - reference.centroids[j][c]), `${iterate.name} centroid ${j}[${c}]`).toBeLessThan(1e-9)),
      );
    }
  });
});

/**
 * Where the two part ways on purpose: a centroid left with no rows. ml-kmeans keeps it where it
 * was, so the run ends with an empty cluster; ours hands it the row farthest from its centroid,
 * as scikit-learn does, so every one of the k clusters ends with rows.
 */
test("an empty cluster: ml-kmeans leaves it empty, ours relocates a row into it", () => {
  const data = blobs(
    [
      [0, 0],
      [10, 0],
    ],
    30,
    0.5,
    21,
  ).matrix;
  const start = [
    [0, 0],
    [10, 0],
    [1000, 1000],
  ];
  const reference = referenceKmeans(toRows(data.data, data.rows, data.columns), 3, { initialization: start, tolerance: 0, maxIterations: 1000 });
  expect(new Set(reference.clusters).size).toBe(2);
  expect(reference.centroids[2]).toEqual([1000, 1000]);
  const ours = lloyd(data, seedingFromCenters(data, Float64Array.from(start.flat())), 3, { maxIterations: 1000, tolerance: 0 });
  expect(new Set(ours.labels).size).toBe(3);
  expect(Math.hypot(ours.centers[4], ours.centers[5])).toBeLessThan(20);
});
