import { Card, Text, Title } from "@tremor/react";
import { getSegmentSettings } from "@/lib/db/settings";
import { formatUtc } from "@/app/ui/runs/format";
import { SegmentSettingsForm } from "./SegmentSettingsForm";

/** For administrators: how many segments retraining looks for. */
export async function SegmentSettingsCard() {
  const { updatedAt, ...settings } = await getSegmentSettings();
  return (
    <Card data-testid="segment-settings-card">
      <Title>Segments</Title>
      <Text>
        Each retrain fits k-means for every k in the range and keeps the best-separated k (silhouette) among those whose segments come back when the customers
        are resampled (stability at least 0.80 over 5 subsamples of 80%) and each hold at least the smallest share; a fixed k skips the choice. Applies from the
        next retrain on. {updatedAt ? `Last changed ${formatUtc(updatedAt)} UTC.` : "These are the defaults."}
      </Text>
      <SegmentSettingsForm settings={settings} />
    </Card>
  );
}
