import { Card, Text, Title } from "@tremor/react";
import { listKnownAttributeNames } from "@/lib/db/customers/attributes";
import { getAttributeFeatures } from "@/lib/db/settings";
import { formatUtc } from "@/app/ui/runs/format";
import { AttributeFeaturesForm } from "./AttributeFeaturesForm";

/** For analysts and administrators: which custom attributes retraining segments on as well. */
export async function AttributeFeaturesCard() {
  const [known, chosen] = await Promise.all([listKnownAttributeNames(), getAttributeFeatures()]);
  const gone = chosen.names.filter((name) => !known.includes(name));
  return (
    <Card data-testid="attribute-features-card">
      <Title>Custom attributes as features</Title>
      <Text>
        {known.length
          ? "Ticked attributes are added to the segmentation features from the next retrain on, and described in the personas. Numbers count as they are; a category counts by its five most frequent values."
          : "Import a profile file with columns beyond the marketing layout (a region, a company size, …) and its columns are listed here to choose from."}{" "}
        {chosen.updatedAt ? `Last changed ${formatUtc(chosen.updatedAt)} UTC.` : ""}
      </Text>
      {gone.length > 0 && (
        <Text className="mt-2 text-amber-700" data-testid="attribute-features-gone">
          Chosen but in no import any more (they give no feature): {gone.join(", ")}.
        </Text>
      )}
      <AttributeFeaturesForm known={known} chosen={chosen.names} />
    </Card>
  );
}
