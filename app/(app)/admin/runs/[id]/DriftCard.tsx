import { Callout, Card, Text, Title } from "@tremor/react";
import { labelAttribute } from "@/lib/ml/features/labels";
import type { StoredDrift, StoredFeatureDrift } from "@/lib/runs/storedRun";
import { formatFixed, formatPercent } from "@/lib/text/numberFormat";
import { SeverityBadge } from "@/app/ui/runs/RunBadges";
import { RowsTable } from "@/app/ui/runs/RowsTable";

const HEADER = ["Feature", "Kind", "Severity", "PSI", "Wasserstein (sd)", "KS p-value", "JS distance", "New categories"];
const ROW_COLORS: Record<string, string> = { moderate: "bg-amber-50", significant: "bg-rose-50" };
// The two prediction columns drift measures beside the features (lib/runs/driftAndStability.ts).
const PREDICTION_LABELS: Record<string, string> = { responseProbability: "response probability", segment: "segment shares" };
const SEVERITY_RANK: Record<string, number> = { significant: 2, moderate: 1, none: 0 };

/** The worst first: by severity, then by PSI. */
const byConcern = (a: StoredFeatureDrift, b: StoredFeatureDrift) =>
  (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || (b.psi ?? 0) - (a.psi ?? 0);

/** This run's data and predictions against the run that was active when it trained. */
export function DriftCard({ drift }: { drift: StoredDrift | null }) {
  if (!drift) {
    return (
      <Card data-testid="drift">
        <Title>Drift</Title>
        <Text className="mt-2">Not measured: no run was active to compare with when this one trained.</Text>
      </Card>
    );
  }
  const { features } = drift;
  const predictions = [drift.predictions.response, drift.predictions.segments].filter((entry): entry is StoredFeatureDrift => entry !== null);
  return (
    <Card data-testid="drift">
      <Title>Drift against the previously active run</Title>
      <Callout
        className="mt-2"
        title={drift.datasetDrift ? "Dataset drift" : "No dataset drift"}
        color={drift.datasetDrift ? "rose" : "emerald"}
        data-testid="drift-verdict"
      >
        {drift.driftedFeatures} of {features.features.length} features drifted ({formatPercent(features.driftedShare)}); the dataset counts as drifted from{" "}
        {formatPercent(features.threshold, 0)}.
      </Callout>
      <Text className="mt-4">Each feature of this run&apos;s customers against the reference kept with the previous run, the most drifted first.</Text>
      <div className="mt-2">
        <RowsTable
          testId="feature-drift"
          header={HEADER}
          rows={[...features.features].sort(byConcern).map((feature) => toDriftRow(feature, labelAttribute(feature.name)))}
        />
      </div>
      <Title className="mt-6">Prediction drift</Title>
      <Text>The response probabilities and the segment shares against the previous run&apos;s.</Text>
      <div className="mt-2">
        <RowsTable
          testId="prediction-drift"
          header={HEADER}
          rows={predictions.map((prediction) => toDriftRow(prediction, PREDICTION_LABELS[prediction.name] ?? prediction.name))}
        />
      </div>
    </Card>
  );
}

/** `label`: the feature in plain words (predictions keep their own names). */
function toDriftRow(feature: StoredFeatureDrift, label: string) {
  return {
    key: feature.name,
    className: ROW_COLORS[feature.severity],
    cells: [
      <span key="name" title={feature.name}>
        {label}
      </span>,
      feature.kind,
      <SeverityBadge key="severity" severity={feature.severity} />,
      formatFixed(feature.psi),
      feature.kind === "numeric" ? formatFixed(feature.wasserstein) : "",
      feature.kind === "numeric" ? formatFixed(feature.ksPValue) : "",
      feature.kind === "categorical" ? formatFixed(feature.jsDistance) : "",
      feature.newCategories?.length ? feature.newCategories.join(", ") : "",
    ],
  };
}
