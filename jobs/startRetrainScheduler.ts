/** Wires the scheduler to the database and to retrains started by the launcher. */
import { recordAudit } from "@/lib/db/audit";
import { getRetrainSchedule } from "@/lib/db/settings";
import { launchRetrain } from "./launcher";
import { startScheduler, type Scheduler } from "./scheduler";

export function startRetrainScheduler(): Promise<Scheduler> {
  return startScheduler({
    readSchedule: getRetrainSchedule,
    trigger: () => launchRetrain({ trigger: "CRON", requestedById: null }),
    log: (message) => console.log(`[scheduler] ${message}`),
    onSkipped: (busyRunId) => recordAudit({ userId: null, action: "retrain.skipped", target: `run:${busyRunId}`, details: { trigger: "CRON" } }),
  });
}
