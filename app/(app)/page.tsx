import { Suspense } from "react";
import { Title, Text } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { CustomerCounts } from "@/app/ui/overview/CustomerCounts";
import { LatestImport } from "@/app/ui/overview/LatestImport";
import { CardSkeleton } from "@/app/ui/CardSkeleton";

export default async function OverviewPage() {
  const user = await requirePagePermission("viewDashboards");
  return (
    <div className="space-y-6">
      <div>
        <Title>Overview</Title>
        <Text>Welcome, {user.name}. Here is the customer base as last imported.</Text>
      </div>
      <Suspense fallback={<CardSkeleton />}>
        <CustomerCounts />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <LatestImport />
      </Suspense>
    </div>
  );
}
