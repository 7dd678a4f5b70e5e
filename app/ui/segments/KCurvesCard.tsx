import { Card, Grid, Text, Title } from "@tremor/react";
import { explainKChoice, explainSilhouetteDifference } from "@/lib/dashboard/kChoice";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { Line } from "@/app/ui/charts/Charts";
import { RetrainToSee } from "@/app/ui/dashboard/States";
import { formatFixed, formatPercent } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";

/** Why this many segments: per k the elbow (inertia), silhouette, stability and smallest segment of the chosen space, and the rule's reason. */
export function KCurvesCard({ segmentation }: { segmentation: StoredMetrics["segmentation"] | undefined }) {
  const curve = segmentation?.curve ?? [];
  if (!segmentation || curve.length === 0) return <RetrainToSee what="The choice of k" />;
  const hasStability = curve.some((point) => typeof point.stability === "number");
  const data = curve.map((point) => ({ k: `k = ${point.k}`, Inertia: point.inertia, Silhouette: point.silhouette, Stability: point.stability ?? null }));
  const note = explainSilhouetteDifference(segmentation);
  return (
    <Card data-testid="k-curves">
      <Title>How many segments</Title>
      {/* Tremor's Text drops data-* attributes, so the two tested sentences are plain paragraphs in its styles. */}
      <p className="mt-1 text-tremor-default font-semibold text-tremor-content-strong" data-testid="k-reason">
        {explainKChoice(segmentation)}
      </p>
      <Text className="mt-1">
        k-means was fitted for each k in the {segmentation.space} space. Silhouette: how much closer customers are to their own segment than to the next (higher
        is better separated). Stability: how well the segments agree when k-means is refitted on resampled customers (adjusted Rand index, 1 = the same segments
        every time). Inertia always falls as k grows; a bend (the elbow) marks where more segments stop paying.
      </Text>
      {note && (
        <p className="mt-1 text-tremor-default text-amber-700" data-testid="silhouette-note">
          {note}
        </p>
      )}
      <Grid numItemsMd={2} className="mt-4 gap-6">
        <div>
          <Text className="font-semibold text-tremor-content-strong">Elbow: inertia by k</Text>
          <Line label="Inertia by number of segments" testId="elbow-chart" data={data} index="k" categories={["Inertia"]} colors={["blue"]} format="compact" />
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">{hasStability ? "Silhouette and stability by k" : "Silhouette by k"}</Text>
          <Line
            label="Silhouette and stability by number of segments"
            testId="silhouette-chart"
            data={data}
            index="k"
            categories={hasStability ? ["Silhouette", "Stability"] : ["Silhouette"]}
            colors={["emerald", "violet"]}
            autoMinValue
          />
        </div>
      </Grid>
      <div className="mt-4">
        <RowsTable
          testId="k-table"
          header={["k", "Silhouette", "Stability", "Smallest segment"]}
          rows={curve.map((point) => ({
            key: point.k ?? 0,
            className: point.k === segmentation.k ? "bg-blue-50 text-tremor-content-emphasis" : undefined,
            cells: [
              point.k === segmentation.k ? `${point.k} (chosen)` : point.k,
              formatFixed(point.silhouette),
              typeof point.stability === "number" ? formatFixed(point.stability, 2) : "not measured",
              typeof point.minShare === "number" ? formatPercent(point.minShare) : "not recorded",
            ],
          }))}
        />
      </div>
    </Card>
  );
}
