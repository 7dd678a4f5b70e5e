import { Card, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { Bar } from "@/app/ui/charts/Charts";
import { formatCount, formatFixed, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";
import { ClvGradeCallout } from "@/app/ui/runs/ClvGradeCallout";
import { Facts } from "@/app/ui/runs/Facts";

type StoredBacktest = NonNullable<NonNullable<StoredMetrics["clv"]>["backtest"]>;

/** How the CLV model, refitted without the last weeks of orders, predicted those weeks (lifetimes' calibration-versus-holdout view). */
export function ClvBacktestCard({ clv, moneyFormat }: { clv: StoredMetrics["clv"]; moneyFormat: MoneyFormat }) {
  const backtest = clv?.backtest;
  return (
    <Card data-testid="clv-backtest">
      <Title>CLV backtest</Title>
      {!clv ? (
        <Text className="mt-2">No lifetime-value model in this run, so there is nothing to check.</Text>
      ) : !backtest ? (
        <Text className="mt-2">This run was trained before backtests existed.</Text>
      ) : backtest.status === "unavailable" ? (
        <Text className="mt-2" data-testid="clv-backtest-reason">
          No backtest: {backtest.reason}
        </Text>
      ) : (
        <BacktestFigures backtest={backtest} moneyFormat={moneyFormat} />
      )}
    </Card>
  );
}

/** Purchase counts and rank measures, no money: the locale only groups them. */
function BacktestFigures({ backtest, moneyFormat: format }: { backtest: Extract<StoredBacktest, { status: "done" }>; moneyFormat: MoneyFormat }) {
  return (
    <div className="mt-2 space-y-4">
      <Text>
        Refitted on the orders up to {backtest.calibrationEnd} (calibration period), then asked to predict the {backtest.holdoutWeeks} weeks to{" "}
        {backtest.holdoutEnd} (hold-out), for the {formatCount(backtest.customers, format)} customers who had bought by the cutoff
        {backtest.newInHoldout
          ? `; ${formatCount(backtest.newInHoldout, format)} customers first seen in the hold-out have nothing to predict from and are not scored`
          : ""}
        .
      </Text>
      <ClvGradeCallout grade={backtest.grade} testId="clv-backtest-grade" />
      <Facts
        testId="clv-backtest-facts"
        items={[
          ["Repeat purchases predicted", formatCount(Math.round(backtest.predictedPurchases ?? Number.NaN), format)],
          ["Actual", formatCount(backtest.actualPurchases, format)],
          ["Error per customer (MAE)", formatFixed(backtest.mae, 3, format)],
          ["Past-rate baseline MAE", formatFixed(backtest.baselineMae, 3, format)],
          ["Spearman, value vs hold-out spend", formatFixed(backtest.spearman, 3, format)],
          [
            "Top 10% by CLV / by past spend",
            `${formatPercent(backtest.topDecileShare.byPredicted, 1, format)} / ${formatPercent(backtest.topDecileShare.byPastSpend, 1, format)}`,
          ],
        ]}
      />
      <div>
        <Text>Mean hold-out repeat purchases per customer, by repeat purchases in the calibration period.</Text>
        <Bar
          testId="clv-backtest-chart"
          label="Predicted and actual hold-out purchases by calibration frequency"
          data={backtest.byFrequency.map((group) => ({ frequency: group.frequency, Predicted: group.predicted, Actual: group.actual }))}
          index="frequency"
          categories={["Predicted", "Actual"]}
          colors={["blue", "emerald"]}
          format="hundredths"
          moneyFormat={format}
          xAxisLabel="Repeat purchases in the calibration period"
          yAxisLabel="Hold-out purchases per customer"
        />
      </div>
    </div>
  );
}
