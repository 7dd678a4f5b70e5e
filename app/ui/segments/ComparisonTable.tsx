import Link from "next/link";
import { Card, Title } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { countWithClv } from "@/app/ui/dashboard/coverage";

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
              formatCount(segment.size, format),
              formatPercent(segment.share, 1, format),
              formatMoney(segment.stats?.averageIncome, format),
              formatMoney(segment.stats?.averageSpend, format),
              formatMoney(segment.stats?.averageClv, format),
              segment.stats?.clvCoverage ? formatCount(countWithClv(segment.stats.clvCoverage), format) : "—",
              formatPercent(segment.stats?.averageResponse, 1, format),
              formatPercent(segment.stats?.aliveShare, 1, format),
            ],
          }))}
        />
      </div>
    </Card>
  );
}
