import { notFound } from "next/navigation";
import { Badge, Card, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import type { RejectedRow } from "@/lib/db/imports/batches";
import type { ImportReport } from "@/lib/import/report";
import { ImportReportList } from "../ImportReportList";
import { QualityReport, type QualityJson } from "./QualityReport";
import { RejectedRows } from "./RejectedRows";
import { findImport } from "./findImport";

export default async function ImportBatchPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("importData");
  const batch = await findImport((await params).id);
  if (!batch) notFound();
  const counts = [
    ["Rows read", batch.rowsRead],
    ["New", batch.rowsInserted],
    ["Updated", batch.rowsUpdated],
    ["Unchanged", batch.rowsUnchanged],
    ["Rejected", batch.rowsRejected],
  ] as const;
  return (
    <div className="space-y-6">
      <div>
        <Title>
          Import #{batch.id}: {batch.fileName} <Badge color={batch.status === "SUCCEEDED" ? "emerald" : "rose"}>{batch.status.toLowerCase()}</Badge>
        </Title>
        <Text>
          {batch.kind === "CUSTOMERS" ? "Customer profiles" : "Order lines"} · {batch.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC · by{" "}
          {batch.user?.email ?? "the command line"} · {(batch.durationMs / 1000).toFixed(1)} s
        </Text>
      </div>
      {batch.error && (
        <Card decoration="left" decorationColor="rose">
          <Title>Why it was refused</Title>
          <Text>{batch.error}</Text>
        </Card>
      )}
      <Card>
        <dl className="grid grid-cols-5 gap-4" data-testid="import-counts">
          {counts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-tremor-label text-tremor-content">{label}</dt>
              <dd className="text-tremor-title font-semibold">{value.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {batch.report && (
        <Card>
          <Title>What the file held and changed</Title>
          <div className="mt-2">
            <ImportReportList report={batch.report as unknown as ImportReport} />
          </div>
        </Card>
      )}
      <QualityReport quality={batch.quality as unknown as QualityJson} />
      <RejectedRows rows={batch.rejectedRows as unknown as RejectedRow[]} />
    </div>
  );
}
