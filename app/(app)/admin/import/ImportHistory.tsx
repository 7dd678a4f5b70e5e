import Link from "next/link";
import { Badge, Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Title } from "@tremor/react";
import { listImportBatches } from "@/lib/db/imports";

export async function ImportHistory() {
  const batches = await listImportBatches();
  return (
    <Card>
      <Title>Recent imports</Title>
      {batches.length === 0 ? (
        <p className="mt-2 text-tremor-content">Nothing imported yet.</p>
      ) : (
        <Table className="mt-2">
          <TableHead>
            <TableRow>
              {["When (UTC)", "File", "Kind", "Status", "Read", "New", "Updated", "Unchanged", "Rejected", "By"].map((label) => (
                <TableHeaderCell key={label}>{label}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {batches.map((batch) => (
              <TableRow key={batch.id}>
                <TableCell>{batch.createdAt.toISOString().slice(0, 16).replace("T", " ")}</TableCell>
                <TableCell>
                  <Link href={`/admin/import/${batch.id}`} className="text-tremor-brand underline">
                    {batch.fileName}
                  </Link>
                </TableCell>
                <TableCell>{batch.kind.toLowerCase()}</TableCell>
                <TableCell>
                  <Badge color={batch.status === "SUCCEEDED" ? "emerald" : "rose"}>{batch.status.toLowerCase()}</Badge>
                </TableCell>
                {[batch.rowsRead, batch.rowsInserted, batch.rowsUpdated, batch.rowsUnchanged, batch.rowsRejected].map((value, i) => (
                  <TableCell key={i}>{value.toLocaleString("en-US")}</TableCell>
                ))}
                <TableCell>{batch.user?.email ?? "CLI"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
