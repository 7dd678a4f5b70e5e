import { Card, Title } from "@tremor/react";
import type { CustomerRunScore } from "@/lib/db/customerDetail";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { utc } from "@/app/ui/runs/format";
import { money, percent, type MoneyFormat } from "@/lib/text/numberFormat";

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
            utc(score.run.finishedAt),
            score.segment?.name ?? `Segment ${score.segmentKey}`,
            percent(score.responseProbability, 1, moneyFormat),
            money(score.clv, moneyFormat),
          ],
        }))}
      />
    </Card>
  );
}
