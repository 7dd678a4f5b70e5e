import { Callout, Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredRunSummary } from "@/lib/dashboard/storedSummary";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { describeClvCoverage, RETRAIN_FOR_COVERAGE, describeResponseCoverage } from "@/app/ui/dashboard/coverage";
import { formatCount } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type Segment = { segmentKey: number; name: string };

/** Which models the run skipped and why, and how many customers its CLV and response scores cover: before any metric, so no figure is read without it. */
export function CoverageCard({
  skipped,
  summary,
  segments,
}: {
  skipped: StoredMetrics["skipped"] | undefined;
  summary: StoredRunSummary | null;
  segments: Segment[];
}) {
  const clv = describeClvCoverage(summary?.clvCoverage);
  const response = describeResponseCoverage(summary?.responseCoverage);
  const nameOf = new Map(segments.map((segment) => [segment.segmentKey, segment.name]));
  const bySegment = (summary?.segments ?? []).filter((segment) => segment.clvCoverage);
  return (
    <Card data-testid="run-coverage">
      <Title>What this run covers</Title>
      {skipped && skipped.length > 0 && (
        <Callout title="Models skipped in this run" color="amber" className="mt-2" data-testid="skipped-models">
          <List>
            {skipped.map((entry) => (
              <ListItem key={entry.model} className="whitespace-normal">
                <span>
                  <span className="font-semibold">{entry.model}</span>: {entry.reason}
                </span>
              </ListItem>
            ))}
          </List>
        </Callout>
      )}
      {skipped?.length === 0 && <Text className="mt-2">Every model was trained.</Text>}
      <div className="mt-4 space-y-1" data-testid="run-clv-coverage">
        {(clv ?? [RETRAIN_FOR_COVERAGE]).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </div>
      <div className="mt-2 space-y-1" data-testid="run-response-coverage">
        {(response ?? [RETRAIN_FOR_COVERAGE]).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </div>
      {bySegment.length > 0 && (
        <div className="mt-4">
          <RowsTable
            testId="segment-clv-coverage"
            header={["Segment", "Customers", "CLV from order lines", "CLV from profile fields", "Without CLV", "Without a response score"]}
            rows={bySegment.map((segment, i) => ({
              key: segment.segmentKey ?? i,
              cells: [
                nameOf.get(segment.segmentKey ?? -1) ?? `#${segment.segmentKey}`,
                formatCount(segment.clvCoverage!.customers),
                formatCount(segment.clvCoverage!.orders),
                formatCount(segment.clvCoverage!.profiles),
                formatCount(segment.clvCoverage!.none),
                segment.responseCoverage ? formatCount(segment.responseCoverage.none) : "—",
              ],
            }))}
          />
        </div>
      )}
    </Card>
  );
}
