import { Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { formatDuration } from "@/app/ui/runs/format";
import { formatCount, formatFixed, formatMoney, type MoneyFormat } from "@/lib/text/numberFormat";
import { formatPrice } from "@/app/ui/campaigns/recommendedText";
import { Facts } from "@/app/ui/runs/Facts";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { pluralise } from "@/lib/text/plural";

type Response = NonNullable<StoredMetrics["response"]>;

export function ResponseMetrics({ response, moneyFormat }: { response: StoredMetrics["response"]; moneyFormat: MoneyFormat }) {
  if (!response) {
    return (
      <Card data-testid="response-metrics">
        <Title>Campaign response</Title>
        <Text className="mt-2">No response model was trained in this run (see the skipped models).</Text>
      </Card>
    );
  }
  const { metrics, threshold } = response;
  return (
    <Card data-testid="response-metrics">
      <Title>Campaign response</Title>
      <div className="mt-2">
        <Facts
          items={[
            ["Champion", response.champion],
            ["CV ROC AUC", formatFixed(response.cvAuc[response.champion], 3, moneyFormat)],
            ["PR AUC", formatFixed(metrics.prAuc, 3, moneyFormat)],
            ["Brier (calibrated)", formatFixed(response.brier, 3, moneyFormat)],
            ["Responders", `${formatCount(metrics.responders, moneyFormat)} of ${formatCount(metrics.rows, moneyFormat)}`],
            ["Best cut on held-out folds", threshold.threshold === null ? "contact nobody" : formatFixed(threshold.threshold, 3, moneyFormat)],
          ]}
        />
      </div>
      {response.sample && (
        <Text className="mt-2" data-testid="response-sample">
          Cross-validated on a stratified sample of {formatCount(response.sample.rows, moneyFormat)} of {formatCount(response.sample.of, moneyFormat)}{" "}
          customers; every customer is scored.
        </Text>
      )}
      <div className="mt-4">
        <RowsTable
          testId="response-models"
          header={["Model", "Mean CV ROC AUC", "SD over folds", "Pooled out-of-fold AUC", "Brier (uncalibrated)", "CV time"]}
          rows={toModelRows(response)}
        />
      </div>
      <p className="mt-4 text-tremor-default text-tremor-content" data-testid="response-holdout-cut">
        Model evaluation on held-out folds, not the campaign: had the {pluralise(threshold.contactAll.contacted, "labelled customer")} been mailed by their
        out-of-fold predictions,{" "}
        {threshold.threshold === null
          ? "mailing nobody would have paid best"
          : `the ${formatCount(threshold.contacted, moneyFormat)} at or above ${formatFixed(threshold.threshold, 3, moneyFormat)} would have brought ${pluralise(threshold.responders, "actual responder")}, a profit of ${formatMoney(threshold.profit, moneyFormat)}`}{" "}
        against {formatMoney(threshold.contactAll.profit, moneyFormat)} mailing all of them (cost {formatPrice(threshold.costPerContact, moneyFormat)} per
        contact, revenue {formatPrice(threshold.revenuePerResponse, moneyFormat)} per response). The recommended campaign is chosen on the final model&apos;s
        scores of every customer instead.
      </p>
      {response.notes.length > 0 && (
        <List className="mt-2">
          {response.notes.map((note) => (
            <ListItem key={note} className="whitespace-normal">
              {note}
            </ListItem>
          ))}
        </List>
      )}
    </Card>
  );
}

function toModelRows(response: Response) {
  return Object.entries(response.cv).map(([kind, cv]) => ({
    key: kind,
    className: kind === response.champion ? "bg-blue-50 text-tremor-content-emphasis" : undefined,
    cells: [
      kind === response.champion ? `${kind} (champion)` : kind,
      formatFixed(cv?.meanAuc),
      formatFixed(cv?.stdAuc),
      formatFixed(cv?.pooledAuc),
      formatFixed(cv?.brier),
      formatDuration(cv?.milliseconds),
    ],
  }));
}
