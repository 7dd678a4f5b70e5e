import { Badge, Card, Text, Title } from "@tremor/react";
import { readProfile } from "@/lib/dashboard/segments";
import type { getRun } from "@/lib/db/runs";
import { formatCount, formatPercent } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { SegmentDot } from "@/app/ui/dashboard/States";

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
                  <SegmentDot color={segment.color} />
                  {segment.name}
                </span>,
                formatCount(segment.size),
                formatPercent(segment.share),
                identityBadge(segment),
              ],
            }))}
          />
        </div>
      )}
    </Card>
  );
}

/** New, back after an absence (its profile names the run it was last seen in), or continuing the active run's persona. */
function identityBadge(segment: Segment) {
  if (segment.isNew)
    return (
      <Badge key="new" color="blue">
        new
      </Badge>
    );
  const returnedFrom = readProfile(segment.profile).returnedFrom ?? null;
  if (returnedFrom !== null) return <Badge key="back" color="gray">{`back from run #${returnedFrom}`}</Badge>;
  return (
    <Badge key="kept" color="gray">
      continues
    </Badge>
  );
}
