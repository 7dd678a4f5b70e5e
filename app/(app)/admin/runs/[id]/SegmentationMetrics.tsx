import { Callout, Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { formatFixed, formatPercent } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";
import { RowsTable } from "@/app/ui/runs/RowsTable";

/** `attributes`: the custom attributes the run was asked to segment on as well (its stored config). */
export function SegmentationMetrics({ segmentation, attributes }: { segmentation: StoredMetrics["segmentation"]; attributes: string[] }) {
  const basis = segmentation.source === "orders" ? "order-line behaviour" : "profile fields";
  return (
    <Card data-testid="segmentation-metrics">
      <Title>Segmentation</Title>
      <div className="mt-2">
        <Facts
          items={[
            ["Segmented on", attributes.length ? `${basis}, plus custom attributes: ${attributes.join(", ")}` : basis],
            ["Segments (k)", segmentation.k ?? "—"],
            ["Space", segmentation.space],
            ["Silhouette", formatFixed(segmentation.silhouette)],
            ["Stability", formatFixed(segmentation.stability, 2)],
            ["Smallest segment", formatPercent(segmentation.minShare)],
            ["Davies–Bouldin", formatFixed(segmentation.daviesBouldin)],
            ["Calinski–Harabasz", formatFixed(segmentation.calinskiHarabasz, 1)],
          ]}
        />
      </div>
      {segmentation.warnings && segmentation.warnings.length > 0 && (
        <Callout title="Cautions" color="amber" className="mt-4" data-testid="segmentation-warnings">
          <List>
            {segmentation.warnings.map((warning) => (
              <ListItem key={warning} className="whitespace-normal">
                {warning}
              </ListItem>
            ))}
          </List>
        </Callout>
      )}
      <Text className="mt-4">{segmentation.selection.rule}</Text>
      <div className="mt-2">
        <RowsTable
          testId="segmentation-spaces"
          header={["Space", "Dimensions", "k", "Silhouette", "Davies–Bouldin", "Calinski–Harabasz", "Rank sum"]}
          rows={segmentation.spaces.map((space) => ({
            key: space.space,
            className: space.space === segmentation.space ? "bg-blue-50 text-tremor-content-emphasis" : undefined,
            cells: [
              space.space === segmentation.space ? `${space.space} (chosen)` : space.space,
              space.dimensions ?? "—",
              space.k ?? "—",
              formatFixed(space.standardized.silhouette),
              formatFixed(space.standardized.daviesBouldin),
              formatFixed(space.standardized.calinskiHarabasz, 1),
              space.rankSum ?? "—",
            ],
          }))}
        />
      </div>
    </Card>
  );
}
