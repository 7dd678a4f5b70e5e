/**
 * Minimum-cost assignment (Hungarian method, Kuhn–Munkres with potentials, O(n³)). A
 * rectangular matrix is padded to square with zero-cost dummy rows or columns: every complete
 * assignment pays the same for the dummies, so the optimum among real pairs is unchanged.
 */

function checkCost(cost: readonly (readonly number[])[]): number {
  const columns = cost[0].length;
  cost.forEach((row, i) => {
    if (row.length !== columns) throw new Error(`hungarian: row ${i} has ${row.length} columns, row 0 has ${columns}`);
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) throw new Error(`hungarian: cost[${i}][${j}] = ${value} is not finite`);
    });
  });
  return columns;
}

/** The column assigned to each row, or -1 for rows left over when there are more rows than columns. */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  if (rows === 0) return [];
  const columns = checkCost(cost);
  const n = Math.max(rows, columns);
  const at = (i: number, j: number): number => (i < rows && j < columns ? cost[i][j] : 0);
  // 1-based arrays; index 0 is the virtual column where each row's augmenting search starts.
  const rowPotential = new Float64Array(n + 1);
  const columnPotential = new Float64Array(n + 1);
  const rowOfColumn = new Int32Array(n + 1);
  const previousColumn = new Int32Array(n + 1);
  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const slack = new Float64Array(n + 1).fill(Infinity);
    const visited = new Uint8Array(n + 1);
    do {
      visited[column] = 1;
      const i = rowOfColumn[column];
      let delta = Infinity;
      let nextColumn = 0;
      for (let j = 1; j <= n; j++) {
        if (visited[j]) continue;
        const reduced = at(i - 1, j - 1) - rowPotential[i] - columnPotential[j];
        if (reduced < slack[j]) {
          slack[j] = reduced;
          previousColumn[j] = column;
        }
        if (slack[j] < delta) {
          delta = slack[j];
          nextColumn = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (visited[j]) {
          rowPotential[rowOfColumn[j]] += delta;
          columnPotential[j] -= delta;
        } else {
          slack[j] -= delta;
        }
      }
      column = nextColumn;
    } while (rowOfColumn[column] !== 0);
    // Flip the augmenting path back to the start.
    do {
      const back = previousColumn[column];
      rowOfColumn[column] = rowOfColumn[back];
      column = back;
    } while (column !== 0);
  }
  const assignment = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j++) {
    const i = rowOfColumn[j] - 1;
    if (i >= 0 && i < rows) assignment[i] = j - 1;
  }
  return assignment;
}
