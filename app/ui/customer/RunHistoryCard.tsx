import { Card, Text, Title } from "@tremor/react";
import type { CustomerRunScore } from "@/lib/db/scores/history";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { formatUtc } from "@/app/ui/runs/format";
import { formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

export function RunHistoryCard({
  scores,
  activeRunId,
  retainedRuns,
  moneyFormat,
}: {
  scores: CustomerRunScore[];
  activeRunId: number | null;
  /** SCORE_RETENTION_RUNS: older runs' scores are removed (lib/db/scoreRetention.ts). */
  retainedRuns: number;
  moneyFormat: MoneyFormat;
}) {
  return (
    <Card data-testid="customer-runs">
      <Title>Segment in each run</Title>
      <Text className="mt-1">
        The newest {retainedRuns === 1 ? "finished run" : `${retainedRuns} finished runs`} and the active one keep their scores; older runs are not listed.
      </Text>
      <RowsTable
        header={["Run", "Finished", "Segment", "Response probability", "CLV 12 months"]}
        rows={scores.map((score) => ({
          key: score.runId,
          cells: [
            `#${score.runId}${score.runId === activeRunId ? " (active)" : ""}`,
            formatUtc(score.run.finishedAt),
            score.segment?.name ?? `Segment ${score.segmentKey}`,
            formatPercent(score.responseProbability, 1, moneyFormat),
            formatMoney(score.clv, moneyFormat),
          ],
        }))}
      />
    </Card>
  );
}
