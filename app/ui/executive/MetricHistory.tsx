import { Card, Grid, Text, Title } from "@tremor/react";
import { listRunMetricHistory } from "@/lib/db/dashboard";
import { keyMetrics, readRunJson } from "@/lib/services/retrain/stored";
import { Bar, Line } from "@/app/ui/charts/Charts";

/** How the models did run after run: response AUC, silhouette and drifted features. */
export async function MetricHistory() {
  const runs = await listRunMetricHistory();
  if (runs.length === 0) return null;
  const data = runs.map((run) => {
    const key = keyMetrics(readRunJson(run));
    return { run: `#${run.id}`, "Response ROC AUC": key.responseAuc, Silhouette: key.silhouette, "Drifted features": key.drift?.driftedFeatures ?? null };
  });
  return (
    <Card data-testid="metric-history">
      <Title>Model quality over the last {runs.length === 1 ? "run" : `${runs.length} runs`}</Title>
      <Text>Every run that finished training, promoted or not. Drift is measured against the run active at the time; the first run has none.</Text>
      <Grid numItemsMd={3} className="mt-4 gap-6">
        <div>
          <Text className="font-semibold text-tremor-content-strong">Response model, cross-validated ROC AUC</Text>
          <Line label="Response ROC AUC per run" testId="history-auc" data={data} index="run" categories={["Response ROC AUC"]} colors={["blue"]} autoMinValue />
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">Segment separation, silhouette</Text>
          <Line label="Silhouette per run" testId="history-silhouette" data={data} index="run" categories={["Silhouette"]} colors={["emerald"]} autoMinValue />
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">Drifted features</Text>
          <Bar label="Drifted features per run" testId="history-drift" data={data} index="run" categories={["Drifted features"]} colors={["amber"]} showLegend={false} />
        </div>
      </Grid>
    </Card>
  );
}
