import { Card, Grid, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/services/retrain/stored";
import { Line } from "@/app/ui/charts/Charts";
import { RetrainToSee } from "@/app/ui/dashboard/States";

/** Why this many segments: the elbow (inertia) and silhouette curves of the chosen space. */
export function KCurvesCard({ segmentation }: { segmentation: StoredMetrics["segmentation"] | undefined }) {
  const curve = segmentation?.curve ?? [];
  if (!segmentation || curve.length === 0) return <RetrainToSee what="The choice of k" />;
  const data = curve.map((point) => ({ k: `k = ${point.k}`, Inertia: point.inertia, Silhouette: point.silhouette }));
  return (
    <Card data-testid="k-curves">
      <Title>How many segments</Title>
      <Text>
        k-means was fitted for each k in the {segmentation.space} space; the run kept k = {segmentation.k}, the highest silhouette (how much closer customers
        are to their own segment than to the next). Inertia always falls as k grows; a bend (the elbow) marks where more segments stop paying.
      </Text>
      <Grid numItemsMd={2} className="mt-4 gap-6">
        <div>
          <Text className="font-semibold text-tremor-content-strong">Elbow: inertia by k</Text>
          <Line label="Inertia by number of segments" testId="elbow-chart" data={data} index="k" categories={["Inertia"]} colors={["blue"]} format="compact" />
        </div>
        <div>
          <Text className="font-semibold text-tremor-content-strong">Silhouette by k</Text>
          <Line label="Silhouette by number of segments" testId="silhouette-chart" data={data} index="k" categories={["Silhouette"]} colors={["emerald"]} autoMinValue />
        </div>
      </Grid>
    </Card>
  );
}
