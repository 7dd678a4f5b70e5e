import Link from "next/link";
import { Badge, Card, List, ListItem, Text, Title, type Color } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { describeClvCoverage, summariseClvCoverage, RETRAIN_FOR_COVERAGE } from "@/app/ui/dashboard/coverage";
import { ExportSegmentLink } from "./ExportSegmentLinks";

/** A persona at a glance: who they are, how many, what they are worth, what to do. */
export function SegmentCard({ segment, moneyFormat, detailed = false }: { segment: SegmentView; moneyFormat: MoneyFormat; detailed?: boolean }) {
  const { stats } = segment;
  const short = summariseClvCoverage(stats?.clvCoverage, moneyFormat);
  const coverage = (detailed ? describeClvCoverage(stats?.clvCoverage, moneyFormat) : short === null ? null : [short]) ?? [RETRAIN_FOR_COVERAGE];
  return (
    <Card decoration="top" decorationColor={segment.color as Color} data-testid={`segment-card-${segment.key}`}>
      <div className="flex items-center gap-2">
        <SegmentDot color={segment.color} />
        <Title>
          {detailed ? (
            segment.name
          ) : (
            <Link href={`/segments/${segment.key}`} className="hover:text-tremor-brand hover:underline">
              {segment.name}
            </Link>
          )}
        </Title>
        {segment.isNew && <Badge color="blue">new this run</Badge>}
        {segment.returnedFrom !== null && <Badge color="gray">{`back, last seen in run #${segment.returnedFrom}`}</Badge>}
      </div>
      <Text className="mt-1">{segment.description}</Text>
      <ExportSegmentLink segmentKey={segment.key} />
      <div className="mt-4">
        <Facts
          testId={`segment-facts-${segment.key}`}
          items={[
            ["Customers", formatCount(segment.size, moneyFormat)],
            ["Share", formatPercent(segment.share, 1, moneyFormat)],
            ["Avg income", formatMoney(stats?.averageIncome, moneyFormat)],
            ["Avg spend", formatMoney(stats?.averageSpend, moneyFormat)],
            ["Avg 12-month CLV", formatMoney(stats?.averageClv, moneyFormat)],
            ["Response likelihood", formatPercent(stats?.averageResponse, 1, moneyFormat)],
          ]}
        />
        <div className="mt-2 space-y-0.5 text-tremor-label text-tremor-content" data-testid={`segment-clv-coverage-${segment.key}`}>
          {coverage.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </div>
      {segment.traits.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-1" aria-label="Top traits">
          {segment.traits.map((trait) => (
            <Badge key={trait} color={segment.color as Color}>
              {trait}
            </Badge>
          ))}
        </div>
      )}
      {segment.actions.length > 0 && (
        <>
          <Text className="mt-4 font-semibold text-tremor-content-strong">Recommended actions</Text>
          <List>
            {(detailed ? segment.actions : segment.actions.slice(0, 2)).map((action) => (
              <ListItem key={action.title} className="block whitespace-normal">
                <span className="font-medium text-tremor-content-emphasis">{action.title}</span>
                {detailed && action.detail ? ` — ${action.detail}` : null}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
