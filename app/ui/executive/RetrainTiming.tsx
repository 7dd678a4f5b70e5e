import { Card, Text, Title } from "@tremor/react";
import { getLastFinishedRun } from "@/lib/db/runs";
import { getRetrainSchedule } from "@/lib/db/settings";
import { env } from "@/lib/env";
import { findNextScheduledRun } from "@/lib/services/retrain/schedule";
import { inTimeZone, formatUtc } from "@/app/ui/runs/format";
import { Facts } from "@/app/ui/runs/Facts";

const OUTCOME: Record<string, string> = { SUCCEEDED: "promoted", REJECTED: "not promoted", FAILED: "failed" };

/** When the models were last retrained and when the schedule retrains them next. */
export async function RetrainTiming() {
  const [last, schedule] = await Promise.all([getLastFinishedRun(), getRetrainSchedule()]);
  // With no scheduler process the saved schedule never fires, so there is no next run to show.
  const schedulerOff = env.RETRAIN_SCHEDULER === "off";
  const next = schedulerOff ? null : findNextScheduledRun(schedule);
  return (
    <Card data-testid="retrain-timing">
      <Title>Retraining</Title>
      <div className="mt-2">
        <Facts
          items={[
            ["Last retrained (UTC)", last ? `${formatUtc(last.finishedAt)} · run #${last.id} ${OUTCOME[last.status] ?? last.status.toLowerCase()}` : "never"],
            [
              "Next scheduled run",
              next
                ? `${inTimeZone(next, schedule.timezone)}`
                : schedulerOff
                  ? "none: the scheduler is off (RETRAIN_SCHEDULER=off)"
                  : schedule.enabled
                    ? "cannot be scheduled"
                    : "scheduling is off",
            ],
          ]}
          testId="retrain-facts"
        />
      </div>
      {next && <Text className="mt-2">{`Schedule "${schedule.cron}" in ${schedule.timezone}; ${formatUtc(next)} UTC.`}</Text>}
    </Card>
  );
}
