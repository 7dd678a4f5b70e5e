import { Suspense } from "react";
import { redirect } from "next/navigation";
import { Title, Text } from "@tremor/react";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/session";
import { CustomerCounts } from "@/app/ui/overview/CustomerCounts";
import { LatestImport } from "@/app/ui/overview/LatestImport";
import { CardSkeleton } from "@/app/ui/CardSkeleton";
import { ExecutiveKpis } from "@/app/ui/executive/ExecutiveKpis";
import { MetricHistory } from "@/app/ui/executive/MetricHistory";
import { RetrainTiming } from "@/app/ui/executive/RetrainTiming";

/** The landing page: the executive summary for roles with KPIs; marketing viewers start on their segments. */
export default async function OverviewPage() {
  const user = await requirePagePermission("viewDashboards");
  if (!can(user.role, "viewKpis")) redirect("/segments");
  return (
    <div className="space-y-6">
      <div>
        <Title>Executive summary</Title>
        <Text>Welcome, {user.name}. The customer base and the models as they stand now.</Text>
      </div>
      <Suspense fallback={<CardSkeleton />}>
        <ExecutiveKpis />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <RetrainTiming />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <MetricHistory />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <CustomerCounts />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <LatestImport canOpenReport={can(user.role, "importData")} />
      </Suspense>
    </div>
  );
}
