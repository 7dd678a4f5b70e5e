/** Input checks and the sorted present values every numeric metric starts from. */
import type { DriftColumn } from "./types";

/** Present (non-NaN) values in ascending order; ±Infinity is a data error, not a missing value. */
export function sortedPresent(values: Float64Array, where: string): Float64Array {
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === Infinity || value === -Infinity) throw new Error(`${where}: value ${value} at row ${i} is not finite (use NaN for missing)`);
    if (value === value) present++;
  }
  const out = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out.sort();
}

/** Throws unless every column is well-formed, names are unique and all have the same number of rows. */
export function checkColumns(columns: readonly DriftColumn[], where: string): void {
  if (columns.length === 0) throw new Error(`${where}: no columns`);
  const names = new Set<string>();
  const rows = columns[0].values.length;
  for (const column of columns) {
    if (names.has(column.name)) throw new Error(`${where}: column "${column.name}" appears twice`);
    names.add(column.name);
    const kind: string = column.kind;
    if (kind !== "numeric" && kind !== "categorical") throw new Error(`${where}: column "${column.name}" has unknown kind "${kind}"`);
    if (column.kind === "numeric" && !(column.values instanceof Float64Array)) {
      throw new Error(`${where}: numeric column "${column.name}" must hold a Float64Array`);
    }
    if (column.values.length !== rows) {
      throw new Error(`${where}: column "${column.name}" has ${column.values.length} rows, "${columns[0].name}" has ${rows}`);
    }
  }
  if (rows === 0) throw new Error(`${where}: columns have no rows`);
}
