import { Card, Text, Title } from "@tremor/react";
import type { StoredStability } from "@/lib/services/retrain/stored";
import { count, fixed } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";

export function StabilityCard({ stability }: { stability: StoredStability | null }) {
  return (
    <Card data-testid="stability">
      <Title>Stability</Title>
      {stability ? (
        <>
          <Text>How far the segments moved since the previously active run: an Adjusted Rand Index of 1 means every shared customer kept its segment.</Text>
          <div className="mt-2">
            <Facts
              items={[
                ["Adjusted Rand Index", fixed(stability.adjustedRandIndex)],
                ["Customers in both", count(stability.commonCustomers)],
                ["Segments matched", count(stability.matchedSegments)],
                ["New segments", count(stability.newSegments)],
                ["Disappeared", count(stability.disappearedSegments)],
              ]}
            />
          </div>
        </>
      ) : (
        <Text className="mt-2">Not measured: no run was active to compare with when this one trained.</Text>
      )}
    </Card>
  );
}
