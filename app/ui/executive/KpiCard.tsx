import { BadgeDelta, Card, Flex, Metric, Text } from "@tremor/react";

export interface Kpi {
  id: string;
  label: string;
  value: string;
  /** A second line: an interval or a comparison. */
  detail?: string;
  /** Who the figure covers, and why the rest are left out. */
  coverage?: string[];
  /** Change since the previous active run, formatted, and its raw value for the arrow. */
  change?: { value: number; text: string } | null;
}

export function KpiCard({ kpi, previousRunId }: { kpi: Kpi; previousRunId: number | null }) {
  return (
    <Card data-testid={`kpi-${kpi.id}`}>
      <Flex alignItems="start">
        <Text>{kpi.label}</Text>
        {kpi.change && (
          <BadgeDelta
            deltaType={kpi.change.value > 0 ? "increase" : kpi.change.value < 0 ? "decrease" : "unchanged"}
            title={`Change since run #${previousRunId}`}
            data-testid={`kpi-${kpi.id}-change`}
          >
            {kpi.change.text}
          </BadgeDelta>
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
