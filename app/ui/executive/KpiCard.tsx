import { Badge, Card, Flex, Metric, Text } from "@tremor/react";
import { pickChangeArrow, TONE_COLORS, type ChangeTone } from "@/lib/dashboard/changeBadge";

export interface Kpi {
  id: string;
  label: string;
  value: string;
  /** A second line: an interval or a comparison. */
  detail?: string;
  /** Who the figure covers, and why the rest are left out. */
  coverage?: string[];
  /** Change since the previous active run: raw value for the arrow, formatted text, and whether it is better, worse or none. */
  change?: { value: number; text: string; tone: ChangeTone } | null;
}

export function KpiCard({ kpi, previousRunId }: { kpi: Kpi; previousRunId: number | null }) {
  return (
    <Card data-testid={`kpi-${kpi.id}`}>
      <Flex alignItems="start">
        <Text>{kpi.label}</Text>
        {kpi.change && (
          <Badge
            color={TONE_COLORS[kpi.change.tone]}
            title={`Change since run #${previousRunId}`}
            data-testid={`kpi-${kpi.id}-change`}
            data-tone={kpi.change.tone}
          >
            <span aria-hidden className="mr-1">
              {pickChangeArrow(kpi.change.tone, kpi.change.value)}
            </span>
            <span data-testid={`kpi-${kpi.id}-change-text`}>{kpi.change.text}</span>
          </Badge>
        )}
      </Flex>
      <Metric data-testid={`kpi-${kpi.id}-value`}>{kpi.value}</Metric>
      {kpi.detail && <Text className="mt-1">{kpi.detail}</Text>}
      {kpi.coverage && (
        <div className="mt-2 space-y-0.5 text-tremor-label text-tremor-content" data-testid={`kpi-${kpi.id}-coverage`}>
          {kpi.coverage.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </Card>
  );
}
