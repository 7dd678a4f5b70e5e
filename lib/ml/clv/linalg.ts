/**
 * The little dense linear algebra the CLV models need on 3×3 and 4×4 matrices: Cholesky
 * factors (for covariance matrices and multivariate-normal draws) and SPD inverses.
 */

/** Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let diagonal = matrix[j][j];
    for (let k = 0; k < j; k++) diagonal -= lower[j][k] * lower[j][k];
    if (!(diagonal > 0)) return null;
    lower[j][j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / lower[j][j];
    }
  }
  return lower;
}

/** Inverse of a symmetric positive-definite matrix, or null when it is not positive definite. */
export function inverseSpd(matrix: readonly (readonly number[])[]): number[][] | null {
  const lower = cholesky(matrix);
  if (lower === null) return null;
  const n = matrix.length;
  // Invert L by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inverseLower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    inverseLower[i][i] = 1 / lower[i][i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= lower[i][k] * inverseLower[k][j];
      inverseLower[i][j] = sum / lower[i][i];
    }
  }
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k++) sum += inverseLower[k][i] * inverseLower[k][j];
      inverse[i][j] = sum;
    }
  }
  return inverse;
}
