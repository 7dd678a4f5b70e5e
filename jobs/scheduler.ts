/**
 * The retrain schedule: node-cron with the cron expression and time zone stored in the
 * database (Setting "retrain.schedule", edited by ADMIN on the admin page). The schedule is
 * re-read every `pollMs`, so a change takes effect without a restart. A tick while a retrain
 * runs is skipped and logged.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { RetrainSchedule } from "@/lib/db/settings";

export interface SchedulerDeps {
  readSchedule(): Promise<RetrainSchedule>;
  /** Starts a retrain, or says which run is in the way. */
  trigger(): Promise<{ type: "started" | "busy"; runId: number }>;
  log(message: string): void;
  onSkipped?(busyRunId: number): Promise<void>;
}

export interface Scheduler {
  /** Re-reads the schedule now. */
  sync(): Promise<void>;
  nextRun(): Date | null;
  stop(): Promise<void>;
}

export async function startScheduler(deps: SchedulerDeps, pollMs = 15_000): Promise<Scheduler> {
  let current: { key: string; task: ScheduledTask } | null = null;

  const tick = async () => {
    try {
      const launched = await deps.trigger();
      if (launched.type === "started") return deps.log(`scheduled retrain started run ${launched.runId}`);
      deps.log(`scheduled retrain skipped: run ${launched.runId} is still running`);
      await deps.onSkipped?.(launched.runId);
    } catch (error) {
      deps.log(`scheduled retrain could not start: ${(error as Error).message}`);
    }
  };

  const sync = async () => {
    const schedule = await deps.readSchedule();
    const key = JSON.stringify([schedule.cron, schedule.timezone, schedule.enabled]);
    if (current?.key === key) return;
    await current?.task.destroy();
    current = null;
    if (!schedule.enabled || !cron.validate(schedule.cron)) {
      deps.log(schedule.enabled ? `retrain schedule "${schedule.cron}" is invalid; not scheduled` : "scheduled retraining is off");
      return;
    }
    const task = cron.schedule(schedule.cron, tick, { timezone: schedule.timezone, name: "retrain", noOverlap: true });
    current = { key, task };
    deps.log(`retrain scheduled "${schedule.cron}" (${schedule.timezone}); next at ${task.getNextRun()?.toISOString() ?? "never"}`);
  };

  await sync();
  const poll = setInterval(() => sync().catch((error: Error) => deps.log(`could not read the retrain schedule: ${error.message}`)), pollMs);
  poll.unref();
  return {
    sync,
    nextRun: () => current?.task.getNextRun() ?? null,
    async stop() {
      clearInterval(poll);
      await current?.task.destroy();
      current = null;
    },
  };
}
