import { Card, Text, Title } from "@tremor/react";
import { getLastFinishedRun } from "@/lib/db/dashboard";
import { getRetrainSchedule } from "@/lib/db/settings";
import { nextScheduledRun } from "@/lib/services/retrain/schedule";
import { inTimeZone, utc } from "@/app/ui/runs/format";
import { Facts } from "@/app/ui/runs/Facts";

const OUTCOME: Record<string, string> = { SUCCEEDED: "promoted", REJECTED: "not promoted", FAILED: "failed" };

/** When the models were last retrained and when the schedule retrains them next. */
export async function RetrainTiming() {
  const [last, schedule] = await Promise.all([getLastFinishedRun(), getRetrainSchedule()]);
  const next = nextScheduledRun(schedule);
  return (
    <Card data-testid="retrain-timing">
      <Title>Retraining</Title>
      <div className="mt-2">
        <Facts
          items={[
            ["Last retrained (UTC)", last ? `${utc(last.finishedAt)} · run #${last.id} ${OUTCOME[last.status] ?? last.status.toLowerCase()}` : "never"],
            ["Next scheduled run", next ? `${inTimeZone(next, schedule.timezone)}` : schedule.enabled ? "cannot be scheduled" : "scheduling is off"],
          ]}
          testId="retrain-facts"
        />
      </div>
      {next && <Text className="mt-2">{`Schedule "${schedule.cron}" in ${schedule.timezone}; ${utc(next)} UTC.`}</Text>}
    </Card>
  );
}
