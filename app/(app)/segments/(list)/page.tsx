import { Suspense } from "react";
import { Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { CardSkeleton } from "@/app/ui/CardSkeleton";
import { SegmentsOverview } from "@/app/ui/segments/SegmentsOverview";

export default async function SegmentsPage() {
  await requirePagePermission("viewDashboards");
  return (
    <div className="space-y-6">
      <div>
        <Title>Segments</Title>
        <Text>The customer personas of the active model: who they are, what they are worth and how to reach them.</Text>
      </div>
      <Suspense
        fallback={
          <div className="space-y-6">
            <CardSkeleton />
            <CardSkeleton />
          </div>
        }
      >
        <SegmentsOverview />
      </Suspense>
    </div>
  );
}
