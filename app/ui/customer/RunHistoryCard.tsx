import { Card, Title } from "@tremor/react";
import type { CustomerRunScore } from "@/lib/db/scores/history";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { formatUtc } from "@/app/ui/runs/format";
import { formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

export function RunHistoryCard({ scores, activeRunId, moneyFormat }: { scores: CustomerRunScore[]; activeRunId: number | null; moneyFormat: MoneyFormat }) {
  return (
    <Card data-testid="customer-runs">
      <Title>Segment in each run</Title>
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
