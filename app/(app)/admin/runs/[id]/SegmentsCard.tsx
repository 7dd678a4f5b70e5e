import { Badge, Card, Text, Title } from "@tremor/react";
import type { getRun } from "@/lib/db/runs";
import { count, percent } from "@/app/ui/runs/format";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type Segment = NonNullable<Awaited<ReturnType<typeof getRun>>>["segments"][number];

export function SegmentsCard({ segments }: { segments: Segment[] }) {
  return (
    <Card>
      <Title>Segments</Title>
      {segments.length === 0 ? (
        <Text className="mt-2">This run wrote no segments.</Text>
      ) : (
        <div className="mt-2">
          <RowsTable
            testId="segments"
            header={["Key", "Name", "Customers", "Share", "Identity"]}
            rows={segments.map((segment) => ({
              key: segment.segmentKey,
              cells: [
                segment.segmentKey,
                <span key="name" className="flex items-center gap-2">
                  {/* Segment colours are Tremor palette names; the Tailwind safelist keeps bg-<colour>-500. */}
                  <span aria-hidden className={`inline-block h-3 w-3 rounded-full bg-${segment.color}-500`} />
                  {segment.name}
                </span>,
                count(segment.size),
                percent(segment.share),
                segment.isNew ? <Badge key="new" color="blue">new</Badge> : <Badge key="kept" color="gray">continues</Badge>,
              ],
            }))}
          />
        </div>
      )}
    </Card>
  );
}
