import { Suspense } from "react";
import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { runningRunId } from "@/lib/db/runLiveness";
import { CardSkeleton } from "@/app/ui/CardSkeleton";
import { AttributeFeaturesCard } from "../AttributeFeaturesCard";
import { MoneyFormatCard } from "../MoneyFormatCard";
import { ResetDataCard } from "../ResetDataCard";
import { RetrainPanel } from "../RetrainPanel";
import { RunsOverview } from "../RunsOverview";
import { ScheduleCard } from "../ScheduleCard";
import { SegmentSettingsCard } from "../SegmentSettingsCard";

export default async function AdminPage() {
  const user = await requirePagePermission("retrain");
  const runningRun = await runningRunId();
  return (
    <div className="space-y-6">
      <div>
        <Title>Models and retraining</Title>
        <Text>
          Retrain the segmentation, response and lifetime-value models on the current customers, see how each run did, and choose which run&apos;s scores users
          see.{" "}
          <Link href="/admin/audit" className="text-tremor-brand underline">
            Audit log
          </Link>
        </Text>
      </div>
      <Card>
        <RetrainPanel runningRunId={runningRun} />
      </Card>
      <Suspense fallback={<CardSkeleton />}>
        <RunsOverview />
      </Suspense>
      <Suspense fallback={<CardSkeleton />}>
        <AttributeFeaturesCard />
      </Suspense>
      {can(user.role, "configureSegments") && (
        <Suspense fallback={<CardSkeleton />}>
          <SegmentSettingsCard />
        </Suspense>
      )}
      {can(user.role, "configureDisplay") && (
        <Suspense fallback={<CardSkeleton />}>
          <MoneyFormatCard />
        </Suspense>
      )}
      {can(user.role, "manageSchedule") && (
        <Suspense fallback={<CardSkeleton />}>
          <ScheduleCard />
        </Suspense>
      )}
      {can(user.role, "resetData") && <ResetDataCard />}
    </div>
  );
}
