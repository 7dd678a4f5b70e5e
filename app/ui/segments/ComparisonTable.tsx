import Link from "next/link";
import { Card, Title } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import { count, percent } from "@/app/ui/runs/format";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { amount } from "@/app/ui/dashboard/format";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { countWithClv } from "@/app/ui/dashboard/coverage";

export function ComparisonTable({ segments }: { segments: SegmentView[] }) {
  return (
    <Card>
      <Title>Segments side by side</Title>
      <div className="mt-2">
        <RowsTable
          testId="segment-comparison"
          header={["Segment", "Customers", "Share", "Avg income", "Avg spend", "Avg 12-month CLV", "With a CLV", "Response likelihood", "Likely alive"]}
          rows={segments.map((segment) => ({
            key: segment.key,
            cells: [
              <Link key="name" href={`/segments/${segment.key}`} className="flex items-center gap-2 hover:text-tremor-brand hover:underline">
                <SegmentDot color={segment.color} />
                {segment.name}
              </Link>,
              count(segment.size),
              percent(segment.share),
              amount(segment.stats?.averageIncome),
              amount(segment.stats?.averageSpend),
              amount(segment.stats?.averageClv),
              segment.stats?.clvCoverage ? count(countWithClv(segment.stats.clvCoverage)) : "—",
              percent(segment.stats?.averageResponse),
              percent(segment.stats?.aliveShare),
            ],
          }))}
        />
      </div>
    </Card>
  );
}
