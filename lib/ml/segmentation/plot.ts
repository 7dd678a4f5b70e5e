/** 2-D and 3-D coordinates for the segment plots: the first principal components of the standardized data. */
import type { DenseMatrix } from "./matrix";
import { transformPca, truncatePca, type PcaModel } from "./pca";

export interface PlotCoordinates {
  /** The PCA the coordinates come from (first 3 components), to place new customers. */
  pca: PcaModel;
  /** rows × 2, row-major. */
  coordinates2d: Float64Array;
  /** rows × 3, row-major; with fewer than 3 features the missing axes are 0. */
  coordinates3d: Float64Array;
}

export function computePlotCoordinates(fullPca: PcaModel, standardized: DenseMatrix): PlotCoordinates {
  const pca = truncatePca(fullPca, Math.min(3, fullPca.components.length));
  const projected = transformPca(pca, standardized);
  return { pca, coordinates2d: widen(projected, 2), coordinates3d: widen(projected, 3) };
}

function widen({ data, rows, columns }: DenseMatrix, width: number): Float64Array {
  const out = new Float64Array(rows * width);
  const kept = Math.min(width, columns);
  for (let i = 0; i < rows; i++) for (let c = 0; c < kept; c++) out[i * width + c] = data[i * columns + c];
  return out;
}
