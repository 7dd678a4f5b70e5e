import Link from "next/link";
import { Card, Title } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import { count, money, percent, type MoneyFormat } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { clvWith } from "@/app/ui/dashboard/coverage";

export function ComparisonTable({ segments, moneyFormat: format }: { segments: SegmentView[]; moneyFormat: MoneyFormat }) {
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
              count(segment.size, format),
              percent(segment.share, 1, format),
              money(segment.stats?.averageIncome, format),
              money(segment.stats?.averageSpend, format),
              money(segment.stats?.averageClv, format),
              segment.stats?.clvCoverage ? count(clvWith(segment.stats.clvCoverage), format) : "—",
              percent(segment.stats?.averageResponse, 1, format),
              percent(segment.stats?.aliveShare, 1, format),
            ],
          }))}
        />
      </div>
    </Card>
  );
}
