import { Card, Text, Title } from "@tremor/react";
import { labelFeature } from "@/lib/ml/features/labels";
import type { ResponseExplanation } from "@/lib/ml/response/contributions";
import { RowsTable } from "@/app/ui/runs/RowsTable";

const TOP = 8;

/** `note`: why there is no probability to explain, when the run has a response model but declined this customer. */
export function ContributionsCard({ explanation, note = null }: { explanation: ResponseExplanation | null; note?: string | null }) {
  if (!explanation) {
    return (
      <Card data-testid="contributions">
        <Title>What drives the response probability</Title>
        <Text>{note ? `Nothing to explain: no probability for this customer (${note}).` : "The run has no response model."}</Text>
      </Card>
    );
  }
  const how =
    explanation.method === "coefficients"
      ? "Logistic model: coefficient × standardized value, in log-odds (positive raises the probability)."
      : "Neural network: the change in probability when the feature is set to the training average (occlusion; ignores interactions).";
  const digits = explanation.scale === "probability" ? 4 : 3;
  return (
    <Card data-testid="contributions">
      <Title>What drives the response probability</Title>
      <Text>{how}</Text>
      <RowsTable
        header={["Feature", "Standardized value", "Contribution"]}
        rows={explanation.contributions.slice(0, TOP).map((item) => ({
          key: item.feature,
          cells: [labelFeature(item.feature).label, item.standardized.toFixed(2), `${item.contribution >= 0 ? "+" : ""}${item.contribution.toFixed(digits)}`],
        }))}
      />
    </Card>
  );
}
