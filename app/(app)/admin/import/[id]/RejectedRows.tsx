import { Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import type { RejectedRow } from "@/lib/db/imports/batches";

const SHOWN = 200;

export function RejectedRows({ rows }: { rows: RejectedRow[] }) {
  if (!rows.length) return null;
  return (
    <Card>
      <Title>Rejected rows</Title>
      <Text>
        {rows.length > SHOWN ? `The first ${SHOWN} of ${rows.length.toLocaleString("en-US")} problems.` : `${rows.length} problems.`} Rows are numbered as in a
        spreadsheet: the header is row 1.
      </Text>
      <Table className="mt-2">
        <TableHead>
          <TableRow>
            {["Row", "Column", "Value", "Problem"].map((label) => (
              <TableHeaderCell key={label}>{label}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, SHOWN).map((row, i) => (
            <TableRow key={i}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{row.column ?? "—"}</TableCell>
              <TableCell className="font-mono">{row.value ?? ""}</TableCell>
              <TableCell className="whitespace-normal">{row.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
