/** Checks a label vector: one non-negative integer per row. Returns k = largest label + 1. */
export function checkLabels(labels: Int32Array, rows: number, where: string): number {
  if (!(labels instanceof Int32Array)) throw new Error(`${where}: labels must be an Int32Array`);
  if (labels.length !== rows) throw new Error(`${where}: ${labels.length} labels for ${rows} rows`);
  let k = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) throw new Error(`${where}: label ${labels[i]} at row ${i} is negative`);
    if (labels[i] >= k) k = labels[i] + 1;
  }
  return k;
}
