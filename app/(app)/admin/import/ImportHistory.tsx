import Link from "next/link";
import { Badge, Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Title } from "@tremor/react";
import { listImportHistory } from "@/lib/db/imports/batches";
import { formatUtc } from "@/app/ui/runs/format";

// Ten columns fit a 1,280 px page only with narrow padding and the file name and e-mail wrapping.
const CELL = "px-2";
const WRAPS = "px-2 whitespace-normal [overflow-wrap:anywhere]";

export async function ImportHistory() {
  const batches = await listImportHistory();
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
                <TableHeaderCell key={label} className="px-2">
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {batches.map((batch) => (
              <TableRow key={batch.id}>
                <TableCell className={CELL}>{formatUtc(batch.createdAt)}</TableCell>
                <TableCell className={WRAPS}>
                  <Link href={`/admin/import/${batch.id}`} className="text-tremor-brand underline">
                    {batch.fileName}
                  </Link>
                </TableCell>
                <TableCell className={CELL}>{batch.kind.toLowerCase()}</TableCell>
                <TableCell className={CELL}>
                  <Badge color={batch.status === "SUCCEEDED" ? "emerald" : "rose"}>{batch.status.toLowerCase()}</Badge>
                  {batch.attempts > 1 && (
                    <span className="ml-2 text-tremor-label text-tremor-content" data-testid="refused-attempts">
                      {batch.attemptsAtLeast ? "at least " : ""}
                      {batch.attempts.toLocaleString("en-US")} attempts since {formatUtc(batch.firstAttemptAt)}
                    </span>
                  )}
                </TableCell>
                {[batch.rowsRead, batch.rowsInserted, batch.rowsUpdated, batch.rowsUnchanged, batch.rowsRejected].map((value, i) => (
                  <TableCell key={i} className={CELL}>
                    {value.toLocaleString("en-US")}
                  </TableCell>
                ))}
                <TableCell className={WRAPS} data-testid="import-by">
                  {batch.user?.email ?? "CLI"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
