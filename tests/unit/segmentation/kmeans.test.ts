import { describe, expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { fitKmeans, fitKmeansSync, predictKmeans } from "@/lib/ml/segmentation";
import { blobs, randomCentres, samePartition } from "./blobs";

/** Three unit squares, far apart: A near (0,0), B near (10,10), C near (0,10). */
const SQUARES = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
  [10, 10],
  [10, 11],
  [11, 10],
  [11, 11],
  [0, 10],
  [1, 10],
  [0, 11],
  [1, 11],
];
const SQUARE_GROUPS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];

describe("k-means on well-separated blobs", () => {
  test.each([1, 2, 3, 42])("seed %i recovers the three squares exactly", (seed) => {
    const result = fitKmeansSync(SQUARES, { k: 3, seed });
    expect(samePartition(result.labels, SQUARE_GROUPS)).toBe(true);
    // Centres are the square middles; each point is 0.5² + 0.5² = 0.5 from its centre: 12 × 0.5 = 6.
    expect(result.centroids.map((c) => c.join(",")).sort()).toEqual(["0.5,0.5", "0.5,10.5", "10.5,10.5"]);
    expect(result.inertia).toBe(6);
    expect(result.converged).toBe(true);
  });

  test("labels for seed 1 are numbered in k-means++ seeding order", () => {
    // The first centre is row createRng(createRng(1).seed()).int(12) = 9, in square C, so C is
    // cluster 0; the D²-weighted second draw lands in B (cluster 1), leaving A as cluster 2.
    expect(createRng(createRng(1).seed()).int(12)).toBe(9);
    const result = fitKmeansSync(SQUARES, { k: 3, seed: 1, restarts: 1 });
    expect(Array.from(result.labels)).toEqual([2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(result.centroids).toEqual([
      [0.5, 10.5],
      [10.5, 10.5],
      [0.5, 0.5],
    ]);
  });

  test("recovers 5 noisy blobs in 6 dimensions", () => {
    const { matrix, groups } = blobs(randomCentres(5, 6, 10, 7), 40, 0.5, 8);
    expect(samePartition(fitKmeansSync(matrix, { k: 5, seed: 3 }).labels, groups)).toBe(true);
  });
});

describe("determinism and equivalences", () => {
  const overlapping = blobs(randomCentres(6, 5, 1.5, 11), 300, 1, 12).matrix;

  test("the same seed gives the same centroids and labels", () => {
    const a = fitKmeansSync(overlapping, { k: 6, seed: 5 });
    const b = fitKmeansSync(overlapping, { k: 6, seed: 5 });
    expect(a.centroids).toEqual(b.centroids);
    expect(a.labels).toEqual(b.labels);
    expect(a.inertia).toBe(b.inertia);
  });

  test.each([1, 2, 3])("Hamerly gives exactly the plain Lloyd result from the same seeding (seed %i)", (seed) => {
    const options = { k: 6, seed, restarts: 1, tolerance: 0 };
    const hamerly = fitKmeansSync(overlapping, { ...options, algorithm: "hamerly" });
    const lloyd = fitKmeansSync(overlapping, { ...options, algorithm: "lloyd" });
    // Overlapping blobs need many iterations, so the bounds really are used and updated.
    expect(lloyd.iterations).toBeGreaterThan(5);
    expect(hamerly.iterations).toBe(lloyd.iterations);
    expect(hamerly.labels).toEqual(lloyd.labels);
    expect(hamerly.centroids).toEqual(lloyd.centroids);
    expect(hamerly.inertia).toBe(lloyd.inertia);
  });

  test("restarts in worker threads give the single-threaded result", async () => {
    const parallel = await fitKmeans(overlapping, { k: 6, seed: 9, restarts: 6, workers: 2 });
    const single = fitKmeansSync(overlapping, { k: 6, seed: 9, restarts: 6 });
    expect(parallel.workers).toBe(2);
    expect(single.workers).toBe(0);
    expect(parallel.labels).toEqual(single.labels);
    expect(parallel.centroids).toEqual(single.centroids);
    expect(parallel.inertia).toBe(single.inertia);
  });

  test("more restarts never give a higher inertia (the best restart is kept)", () => {
    const one = fitKmeansSync(overlapping, { k: 6, seed: 4, restarts: 1 });
    const ten = fitKmeansSync(overlapping, { k: 6, seed: 4, restarts: 10 });
    expect(ten.inertia).toBeLessThanOrEqual(one.inertia);
  });

  test("number[][] and Float64Array input give the same result", () => {
    const typed = { data: Float64Array.from(SQUARES.flat()), rows: 12, columns: 2 };
    expect(fitKmeansSync(typed, { k: 3, seed: 2 })).toEqual(fitKmeansSync(SQUARES, { k: 3, seed: 2 }));
  });
});

describe("edge cases", () => {
  test("a cluster left empty takes a row, so every cluster is used", () => {
    // 3 distinct values for k = 4: k-means++ must repeat a centre, leaving one cluster empty.
    const result = fitKmeansSync([[0], [0], [5], [9]], { k: 4, seed: 1, restarts: 1 });
    expect(new Set(result.labels).size).toBe(4);
    expect(result.inertia).toBe(0);
  });

  test("predictKmeans assigns each row to its nearest centroid", () => {
    const labels = predictKmeans(
      [
        [0, 0],
        [10, 0],
      ],
      [
        [1, 1],
        [9, -2],
        [4.9, 0],
        [5.1, 0],
      ],
    );
    expect(Array.from(labels)).toEqual([0, 1, 0, 1]);
  });

  test.each([
    [{ k: 13, seed: 1 }, /k must be an integer in \[1, 12\]/],
    [{ k: 3, seed: 1, restarts: 0 }, /restarts must be a positive integer/],
    [{ k: 3, seed: 1, tolerance: -1 }, /tolerance/],
  ])("rejects bad options %o", (options, message) => {
    expect(() => fitKmeansSync(SQUARES, options)).toThrow(message);
  });

  test("rejects non-finite values with their position", () => {
    expect(() =>
      fitKmeansSync(
        [
          [0, 1],
          [2, Number.NaN],
        ],
        { k: 1, seed: 1 },
      ),
    ).toThrow(/row 1, column 1/);
  });
});
