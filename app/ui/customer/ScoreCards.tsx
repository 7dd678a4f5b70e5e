import { Card, Grid, Metric, Text, Title, type Color } from "@tremor/react";
import type { CustomerRunScore } from "@/lib/db/scores/history";
import type { SegmentName } from "@/lib/db/activeRun";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";
import { UnsortedBarList } from "@/app/ui/charts/UnsortedBarList";

/** Segment-key order, as lib/services/retrain/outcome.ts writes it; each bar in its segment's stored colour. */
function segmentProbabilities(score: CustomerRunScore, segments: SegmentName[]) {
  const values = score.segmentProbabilities ? (JSON.parse(score.segmentProbabilities) as number[]) : null;
  if (!values) return null;
  const ordered = [...segments].sort((a, b) => a.segmentKey - b.segmentKey);
  return ordered.map((segment, i) => ({ name: segment.name, value: Math.round((values[i] ?? 0) * 1000) / 10, color: segment.color as Color }));
}

/** Why a score is missing: the run's own note, or, for runs stored before notes, that it did not score it. */
const whyMissing = (note: string | null) => note ?? "not scored in this run";

const CLV_SOURCES: Record<string, string> = { orders: "CLV from order lines", profiles: "CLV approximated from profile fields" };

export function ScoreCards({ score, segments, moneyFormat: format }: { score: CustomerRunScore; segments: SegmentName[]; moneyFormat: MoneyFormat }) {
  const probabilities = segmentProbabilities(score, segments);
  return (
    <Grid numItemsMd={3} className="gap-6">
      <Card data-testid="customer-segment">
        <Text>Segment</Text>
        <Metric>{score.segment?.name ?? `Segment ${score.segmentKey}`}</Metric>
        {probabilities ? (
          <>
            <Text className="mt-4">Classifier probability per segment (%)</Text>
            <UnsortedBarList className="mt-2" data={probabilities} />
          </>
        ) : (
          <Text className="mt-4">The run had no segment classifier, so there are no per-segment probabilities.</Text>
        )}
      </Card>
      <Card data-testid="customer-response">
        <Text>Response probability</Text>
        {score.responseProbability === null ? (
          <>
            <Metric>—</Metric>
            <Text className="mt-2" data-testid="customer-response-note">
              No response probability: {whyMissing(score.responseNote)}.
            </Text>
          </>
        ) : (
          <Metric>{formatPercent(score.responseProbability, 1, format)}</Metric>
        )}
      </Card>
      <Card data-testid="customer-clv">
        <Text>Lifetime value, next 12 months</Text>
        {score.clv === null ? (
          <>
            <Metric>—</Metric>
            <Text className="mt-2" data-testid="customer-clv-note">
              No CLV: {whyMissing(score.clvNote)}.
            </Text>
          </>
        ) : (
          <>
            <Metric>{formatMoney(score.clv, format)}</Metric>
            <Text className="mt-2">
              80% interval {formatMoney(score.clvLow, format)} – {formatMoney(score.clvHigh, format)}
            </Text>
            {score.clvSource && CLV_SOURCES[score.clvSource] && (
              <Text className="mt-1" data-testid="customer-clv-source">
                {CLV_SOURCES[score.clvSource]}
              </Text>
            )}
          </>
        )}
        <Title className="mt-4">P(alive) {formatPercent(score.pAlive, 1, format)}</Title>
        <Text>Expected purchases: {formatCount(score.expectedPurchases, format, 2)}</Text>
      </Card>
    </Grid>
  );
}
