import Link from "next/link";
import { Card, List, ListItem, Text, Title } from "@tremor/react";
import { getLatestImportBatch } from "@/lib/db/imports/batches";
import { readMoneyFormat } from "@/lib/db/settings";
import { readFindings } from "@/lib/import/quality";
import { formatCount } from "@/lib/text/numberFormat";
import { formatUtc } from "@/app/ui/runs/format";

/** The latest import in brief; the link to its report only for roles that may open it (same check as the import pages). */
export async function LatestImport({ canOpenReport }: { canOpenReport: boolean }) {
  const [batch, format] = await Promise.all([getLatestImportBatch(), readMoneyFormat()]);
  if (!batch) {
    return (
      <Card>
        <Title>No data yet</Title>
        <Text>No file has been imported. An analyst can import customers or order lines on the Import page.</Text>
      </Card>
    );
  }
  return (
    <Card>
      <Title>Latest import</Title>
      <Text>
        {batch.fileName} · {formatUtc(batch.createdAt)} UTC · {formatCount(batch.rowsRead, format)} rows read, {formatCount(batch.rowsInserted, format)} new,{" "}
        {formatCount(batch.rowsUpdated, format)} updated, {formatCount(batch.rowsUnchanged, format)} unchanged
      </Text>
      <QualityFindings quality={batch.quality} />
      {canOpenReport && (
        <Link
          href={`/admin/import/${batch.id}`}
          className="mt-2 inline-block text-tremor-default text-tremor-brand underline"
          data-testid="quality-report-link"
        >
          Data-quality report
        </Link>
      )}
    </Card>
  );
}

function QualityFindings({ quality }: { quality: unknown }) {
  const findings = readFindings(quality);
  if (!findings.length) return <Text className="mt-2">No data-quality problems found.</Text>;
  return (
    <List className="mt-2" data-testid="quality-findings">
      {findings.map((finding) => (
        <ListItem key={finding}>{finding}</ListItem>
      ))}
    </List>
  );
}
