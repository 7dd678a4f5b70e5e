import { Card, Text, Title } from "@tremor/react";
import { env } from "@/lib/env";
import { getRetrainSchedule } from "@/lib/db/settings";
import { listTimeZones, findNextScheduledRun } from "@/lib/services/retrain/schedule";
import { inTimeZone, formatUtc } from "@/app/ui/runs/format";
import { ScheduleForm } from "./ScheduleForm";

/** For administrators: when retraining runs by itself. */
export async function ScheduleCard() {
  const schedule = await getRetrainSchedule();
  const next = findNextScheduledRun(schedule);
  return (
    <Card data-testid="schedule-card">
      <Title>Retrain schedule</Title>
      <Text>
        <span data-testid="schedule-next">
          {next
            ? `Next scheduled retrain: ${inTimeZone(next, schedule.timezone)} (${formatUtc(next)} UTC), from "${schedule.cron}" in ${schedule.timezone}.`
            : schedule.enabled
              ? `The saved expression "${schedule.cron}" cannot be scheduled; fix it below.`
              : "Scheduled retraining is off."}
        </span>{" "}
        {schedule.updatedAt ? `Last changed ${formatUtc(schedule.updatedAt)} UTC.` : "This is the default schedule."}{" "}
        {env.RETRAIN_SCHEDULER === "off"
          ? "No scheduler runs (RETRAIN_SCHEDULER=off): the schedule is kept but does not fire."
          : "The scheduler picks up a change within 15 seconds."}
      </Text>
      <ScheduleForm schedule={{ cron: schedule.cron, timezone: schedule.timezone, enabled: schedule.enabled }} timeZones={listTimeZones()} />
    </Card>
  );
}
