import { describe, expect, test } from "vitest";
import { calinskiHarabasz, daviesBouldin, inertia, silhouette } from "@/lib/ml/segmentation";
import { blobs, randomCentres } from "./blobs";

/**
 * Square: A = {(0,0), (0,2)}, B = {(4,0), (4,2)}.
 * Silhouette, every point alike by symmetry: a = 2 (its partner), b = mean(4, √20) = 2 + √5,
 *   s = (b − a) / b = √5 / (2 + √5) ≈ 0.5279.
 * Davies–Bouldin: centroids (0,1), (4,1); S_A = S_B = 1; M = 4; DB = (1 + 1) / 4 = 0.5.
 * Calinski–Harabasz: overall mean (2,1); B = 2·4 + 2·4 = 16; W = 4·1 = 4; CH = (16/1) / (4/2) = 8.
 */
const SQUARE = [
  [0, 0],
  [0, 2],
  [4, 0],
  [4, 2],
];
const SQUARE_LABELS = Int32Array.from([0, 0, 1, 1]);

/**
 * Line: A = {0, 2}, B = {10, 14}, C = {30} (a singleton).
 * Silhouette (a = own-cluster mean distance, b = nearest other cluster's mean distance):
 *   0: a = 2, b = min(mean(10, 14), 30) = 12, s = 10/12
 *   2: a = 2, b = min(mean(8, 12), 28) = 10, s = 8/10
 *  10: a = 4, b = min(mean(10, 8), 20) = 9, s = 5/9
 *  14: a = 4, b = min(mean(14, 12), 16) = 13, s = 9/13
 *  30: alone in its cluster, s = 0
 *   mean = (10/12 + 8/10 + 5/9 + 9/13 + 0) / 5 ≈ 0.5760
 * Davies–Bouldin: centroids 1, 12, 30; S = 1, 2, 0.
 *   A: max(R_AB = 3/11, R_AC = 1/29) = 3/11; B: max(3/11, R_BC = 2/18) = 3/11; C: max(1/29, 2/18) = 1/9
 *   DB = (3/11 + 3/11 + 1/9) / 3 ≈ 0.2189
 * Calinski–Harabasz: overall mean 56/5 = 11.2;
 *   B = 2(1 − 11.2)² + 2(12 − 11.2)² + (30 − 11.2)² = 208.08 + 1.28 + 353.44 = 562.8
 *   W = 1 + 1 + 4 + 4 + 0 = 10; CH = (562.8 / 2) / (10 / (5 − 3)) = 56.28
 */
const LINE = [[0], [2], [10], [14], [30]];
const LINE_LABELS = Int32Array.from([0, 0, 1, 1, 2]);

describe("metrics match hand-computed values", () => {
  test.each([
    ["square", SQUARE, SQUARE_LABELS, Math.sqrt(5) / (2 + Math.sqrt(5)), 0.5, 8, 4],
    ["line with a singleton", LINE, LINE_LABELS, (10 / 12 + 8 / 10 + 5 / 9 + 9 / 13) / 5, (3 / 11 + 3 / 11 + 1 / 9) / 3, 56.28, 10],
  ])("%s", (_name, rows, labels, expectedSilhouette, expectedDb, expectedCh, expectedInertia) => {
    const exact = silhouette(rows, labels);
    expect(exact.score).toBeCloseTo(expectedSilhouette, 12);
    expect(exact.sampled).toBe(false);
    expect(exact.sampleSize).toBe(rows.length);
    expect(daviesBouldin(rows, labels)).toBeCloseTo(expectedDb, 12);
    expect(calinskiHarabasz(rows, labels)).toBeCloseTo(expectedCh, 10);
    expect(inertia(rows, labels)).toBeCloseTo(expectedInertia, 12);
  });

  test("unused label numbers are ignored", () => {
    const gappy = Int32Array.from([0, 0, 3, 3, 7]);
    expect(silhouette(LINE, gappy).score).toBeCloseTo(silhouette(LINE, LINE_LABELS).score, 12);
    expect(daviesBouldin(LINE, gappy)).toBeCloseTo(daviesBouldin(LINE, LINE_LABELS), 12);
    expect(calinskiHarabasz(LINE, gappy)).toBeCloseTo(56.28, 10);
  });

  test("Calinski–Harabasz is 1 when every cluster is a single point repeated", () => {
    expect(calinskiHarabasz([[1], [1], [5], [5]], Int32Array.from([0, 0, 1, 1]))).toBe(1);
  });
});

describe("sampled silhouette", () => {
  const { matrix, groups } = blobs(randomCentres(4, 5, 3, 1), 1_500, 1, 2);

  test("above sampleSize it scores a seeded sample and says so", () => {
    const sampled = silhouette(matrix, groups, { sampleSize: 1_000, seed: 3 });
    expect(sampled).toMatchObject({ sampled: true, sampleSize: 1_000 });
    expect(silhouette(matrix, groups, { sampleSize: 1_000, seed: 3 }).score).toBe(sampled.score);
    const exact = silhouette(matrix, groups, { sampleSize: 6_000 });
    expect(exact).toMatchObject({ sampled: false, sampleSize: 6_000 });
    expect(Math.abs(sampled.score - exact.score)).toBeLessThan(0.03);
  });
});

describe("input checks", () => {
  test.each([
    ["one cluster", () => silhouette(SQUARE, Int32Array.from([0, 0, 0, 0])), /needs 2 to 3 clusters/],
    ["every point its own cluster", () => daviesBouldin(SQUARE, Int32Array.from([0, 1, 2, 3])), /needs 2 to 3 clusters/],
    ["labels of the wrong length", () => calinskiHarabasz(SQUARE, Int32Array.from([0, 1])), /2 labels for 4 rows/],
    ["negative labels", () => inertia(SQUARE, Int32Array.from([0, -1, 0, 1])), /negative/],
  ])("rejects %s", (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
