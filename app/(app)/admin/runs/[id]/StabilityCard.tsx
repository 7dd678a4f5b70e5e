import { Card, Text, Title } from "@tremor/react";
import type { StoredStability } from "@/lib/runs/storedRun";
import { formatCount, formatFixed } from "@/lib/text/numberFormat";
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
                ["Adjusted Rand Index", formatFixed(stability.adjustedRandIndex)],
                ["Customers in both", formatCount(stability.commonCustomers)],
                ["Segments matched", formatCount(stability.matchedSegments)],
                ["New segments", formatCount(stability.newSegments)],
                ["Disappeared", formatCount(stability.disappearedSegments)],
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
