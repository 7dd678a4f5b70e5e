import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

export interface Row {
  key: string | number;
  cells: React.ReactNode[];
  className?: string;
}

/** A plain Tremor table from a header and rows of cells; `dense` narrows the cell padding for wide tables. */
export function RowsTable({ header, rows, testId, dense = false }: { header: string[]; rows: Row[]; testId?: string; dense?: boolean }) {
  const padding = dense ? "px-2" : undefined;
  return (
    <Table data-testid={testId}>
      <TableHead>
        <TableRow>
          {header.map((label) => (
            <TableHeaderCell key={label} className={padding}>
              {label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} className={row.className}>
            {row.cells.map((cell, i) => (
              <TableCell key={i} className={dense ? "whitespace-normal px-2" : "whitespace-normal"}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
