/** Adjusted Rand index (Hubert & Arabie, 1985) between two partitions of the same rows. */

export type Labels = Int32Array | readonly number[];

const pairs = (count: number): number => (count * (count - 1)) / 2;

/** Labels renumbered 0..k-1 in first-seen order, so any integer ids (e.g. -1 for noise) work. */
function renumber(labels: Labels, where: string): { codes: Int32Array; k: number } {
  const ids = new Map<number, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label)) throw new Error(`adjustedRandIndex: ${where} label ${label} at row ${i} is not an integer`);
    let code = ids.get(label);
    if (code === undefined) ids.set(label, (code = ids.size));
    codes[i] = code;
  }
  return { codes, k: ids.size };
}

/**
 * ARI = (Σ_ij C(n_ij,2) − E) / (½(Σ_i C(a_i,2) + Σ_j C(b_j,2)) − E) with E = Σ_i C(a_i,2)·Σ_j C(b_j,2) / C(n,2),
 * from the contingency table n_ij and its row and column sums a_i, b_j. 1 for the same
 * partition under any relabelling, about 0 for independent ones, negative below chance. When
 * the denominator is 0 both partitions are the same trivial one (all rows together, or every
 * row alone, or fewer than two rows) and the index is 1, as scikit-learn defines it.
 */
export function adjustedRandIndex(labelsA: Labels, labelsB: Labels): number {
  if (labelsA.length !== labelsB.length) {
    throw new Error(`adjustedRandIndex: ${labelsA.length} labels in the first partition but ${labelsB.length} in the second`);
  }
  const a = renumber(labelsA, "first");
  const b = renumber(labelsB, "second");
  const cells = new Map<number, number>();
  const rowSums = new Float64Array(a.k);
  const columnSums = new Float64Array(b.k);
  for (let i = 0; i < a.codes.length; i++) {
    const key = a.codes[i] * b.k + b.codes[i];
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums[a.codes[i]]++;
    columnSums[b.codes[i]]++;
  }
  let index = 0;
  for (const count of cells.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of rowSums) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columnSums) columnPairs += pairs(count);
  const totalPairs = pairs(labelsA.length);
  const expected = totalPairs > 0 ? (rowPairs * columnPairs) / totalPairs : 0;
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
