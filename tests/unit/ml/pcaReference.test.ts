/**
 * ml-pca (a dev dependency only) as the reference for our PCA. Its defaults match our
 * conventions: centred, not scaled, variances with the n − 1 divisor. It is checked with both
 * of its methods, the SVD of the centred data (its default) and the eigendecomposition of the
 * covariance matrix (ours): same axes up to sign, same variances, same ratios.
 */
import { describe, expect, test } from "vitest";
import { PCA } from "ml-pca";
import { createRng } from "@/lib/ml/random";
import { fitPca, transformPca } from "@/lib/ml/segmentation";

/** Correlated columns with unequal variances: x = A·z + shift with seeded normal z, so the axes are well separated. */
function correlated(rows: number, columns: number, seed: number): number[][] {
  const rng = createRng(seed);
  const mixing = Array.from({ length: columns }, () => Array.from({ length: columns }, () => rng.normal()));
  return Array.from({ length: rows }, () => {
    const z = Array.from({ length: columns }, (_, c) => rng.normal() * (columns - c));
    return mixing.map((row, c) => row.reduce((sum, weight, j) => sum + weight * z[j], 0) + 3 * c);
  });
}

const DATASETS = [
  { name: "30 × 2", data: correlated(30, 2, 1) },
  { name: "50 × 3", data: correlated(50, 3, 2) },
  { name: "200 × 6", data: correlated(200, 6, 3) },
  { name: "12 × 8 (fewer rows than twice the columns)", data: correlated(12, 8, 4) },
];

describe.each(DATASETS)("$name: the same components and variances as ml-pca", ({ data }) => {
  const columns = data[0].length;
  const ours = fitPca(data, { components: columns });

  test.each(["SVD", "covarianceMatrix"] as const)("ml-pca with method %s", (method) => {
    const reference = new PCA(data, { method, center: true, scale: false });
    const variances = reference.getEigenvalues();
    const ratios = reference.getExplainedVariance();
    const axes = reference.getLoadings().to2DArray();
    ours.explainedVariance.forEach((value, p) => expect(Math.abs(value - variances[p]), `variance ${p}`).toBeLessThan(1e-9 * Math.max(1, variances[0])));
    ours.explainedVarianceRatio.forEach((value, p) => expect(Math.abs(value - ratios[p]), `ratio ${p}`).toBeLessThan(1e-9));
    ours.components.forEach((axis, p) => {
      const sign = Math.sign(axis.reduce((sum, value, c) => sum + value * axes[p][c], 0));
      axis.forEach((value, c) => expect(Math.abs(value - sign * axes[p][c]), `component ${p}[${c}]`).toBeLessThan(1e-9));
    });
  });

  test("transformPca gives ml-pca's predict, up to each axis's sign", () => {
    const reference = new PCA(data);
    const axes = reference.getLoadings().to2DArray();
    const expected = reference.predict(data).to2DArray();
    const projected = transformPca(ours, data);
    const signs = ours.components.map((axis, p) => Math.sign(axis.reduce((sum, value, c) => sum + value * axes[p][c], 0)));
    data.forEach((_, i) =>
      signs.forEach((sign, p) =>
        expect(Math.abs(projected.data[i * columns + p] - sign * expected[i][p]), `row ${i}, component ${p}`).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(expected[i][p])),
        ),
      ),
    );
  });
});
