import { Card, Grid, Text, Title } from "@tremor/react";
import { listRunMetricHistory } from "@/lib/db/runs";
import { readKeyMetrics, readRunJson } from "@/lib/runs/storedRun";
import { METRIC_RANGES, fitMetricWindow, type Range } from "@/lib/charts/niceScale";
import { Bar, Line } from "@/app/ui/charts/Charts";

/** How the models did run after run: response AUC, silhouette and drifted features. */
export async function MetricHistory() {
  const runs = await listRunMetricHistory();
  if (runs.length === 0) return null;
  const data = runs.map((run) => {
    const key = readKeyMetrics(readRunJson(run));
    return { run: `#${run.id}`, "Response ROC AUC": key.responseAuc, Silhouette: key.silhouette, "Drifted features": key.drift?.driftedFeatures ?? null };
  });
  const aucAxis = fitMetricWindow(
    data.map((row) => row["Response ROC AUC"]),
    METRIC_RANGES.auc,
  );
  const silhouetteAxis = fitMetricWindow(
    data.map((row) => row.Silhouette),
    METRIC_RANGES.silhouette,
  );
  const hasDrift = data.some((row) => row["Drifted features"] !== null);
  return (
    <Card data-testid="metric-history">
      <Title>Model quality over the last {runs.length === 1 ? "run" : `${runs.length} runs`}</Title>
      <Text>Every run that finished training, promoted or not. Drift is measured against the run active at the time; the first run has none.</Text>
      <Grid numItemsMd={3} className="mt-4 gap-6">
        <div>
          <Text className="font-semibold text-tremor-content-strong">Response model, cross-validated ROC AUC</Text>
          {aucAxis ? (
            <Line
              label="Response ROC AUC per run"
              testId="history-auc"
              data={data}
              index="run"
              categories={["Response ROC AUC"]}
              colors={["blue"]}
              format="hundredths"
              {...bounds(aucAxis)}
            />
          ) : (
            <NoChart testId="history-auc">No run trained a response model yet.</NoChart>
          )}
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">Segment separation, silhouette</Text>
          {silhouetteAxis ? (
            <Line
              label="Silhouette per run"
              testId="history-silhouette"
              data={data}
              index="run"
              categories={["Silhouette"]}
              colors={["emerald"]}
              format="hundredths"
              {...bounds(silhouetteAxis)}
            />
          ) : (
            <NoChart testId="history-silhouette">No run has a silhouette yet.</NoChart>
          )}
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">Drifted features</Text>
          {hasDrift ? (
            <Bar
              label="Drifted features per run"
              testId="history-drift"
              data={data}
              index="run"
              categories={["Drifted features"]}
              colors={["amber"]}
              showLegend={false}
            />
          ) : (
            <NoChart testId="history-drift">Drift is measured from the second run on, against the run active before it.</NoChart>
          )}
        </div>
      </Grid>
    </Card>
  );
}

const bounds = (range: Range) => ({ minValue: range.min, maxValue: range.max });

function NoChart({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p className="mt-2 text-tremor-default text-tremor-content" data-testid={`${testId}-none`}>
      {children}
    </p>
  );
}
