/**
 * The row-major matrix every segmentation function works on, and the conversion from the
 * shapes callers hold: number[][] at the API edge, or the feature pipeline's FeatureMatrix.
 */
export interface DenseMatrix {
  /** rows × columns, row-major. */
  data: Float64Array;
  rows: number;
  columns: number;
}

/** The feature pipeline's output shape (`matrix` instead of `data`). */
export interface FeatureMatrixLike {
  matrix: Float64Array;
  rows: number;
  columns: number;
}

export type MatrixInput = DenseMatrix | FeatureMatrixLike | readonly (readonly number[])[];

/** Checks shape and finiteness and returns a DenseMatrix (no copy when already typed). */
export function toDense(input: MatrixInput, where: string): DenseMatrix {
  const dense = Array.isArray(input) ? fromRows(input as readonly (readonly number[])[], where) : fromTyped(input as DenseMatrix | FeatureMatrixLike, where);
  if (dense.rows < 1 || dense.columns < 1) throw new Error(`${where}: the matrix is empty (${dense.rows} × ${dense.columns})`);
  const { data } = dense;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new Error(`${where}: value at row ${Math.floor(i / dense.columns)}, column ${i % dense.columns} is ${data[i]}`);
    }
  }
  return dense;
}

function fromRows(rows: readonly (readonly number[])[], where: string): DenseMatrix {
  const columns = rows.length > 0 ? rows[0].length : 0;
  const data = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => {
    if (row.length !== columns) throw new Error(`${where}: row ${i} has ${row.length} values, row 0 has ${columns}`);
    data.set(row, i * columns);
  });
  return { data, rows: rows.length, columns };
}

function fromTyped(input: DenseMatrix | FeatureMatrixLike, where: string): DenseMatrix {
  const data = "data" in input ? input.data : input.matrix;
  const { rows, columns } = input;
  if (!(data instanceof Float64Array)) throw new Error(`${where}: matrix data must be a Float64Array`);
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || data.length !== rows * columns) {
    throw new Error(`${where}: ${data.length} values do not make ${rows} × ${columns}`);
  }
  return { data, rows, columns };
}

/** The given rows, in the given order, as a new matrix. */
export function selectRows(matrix: DenseMatrix, indices: ArrayLike<number>): DenseMatrix {
  const { columns } = matrix;
  const data = new Float64Array(indices.length * columns);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * columns;
    data.set(matrix.data.subarray(from, from + columns), i * columns);
  }
  return { data, rows: indices.length, columns };
}

/** number[][] view of a small matrix (centroids), for results that must be plain JSON. */
export function toRows(data: Float64Array, rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * columns, (i + 1) * columns)));
}

/** Mean of the rows in each of k groups (rows with label l go to group l); NaN rows for empty groups. */
export function groupMeans(matrix: DenseMatrix, labels: Int32Array, k: number): Float64Array {
  const { data, rows, columns } = matrix;
  const sums = new Float64Array(k * columns);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const at = labels[i] * columns;
    counts[labels[i]]++;
    for (let c = 0; c < columns; c++) sums[at + c] += data[i * columns + c];
  }
  for (let j = 0; j < k; j++) for (let c = 0; c < columns; c++) sums[j * columns + c] /= counts[j] || Number.NaN;
  return sums;
}
