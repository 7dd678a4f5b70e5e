/** Wires the scheduler to the database and to retrains in child processes. */
import { recordAudit } from "@/lib/db/audit";
import { getRetrainSchedule } from "@/lib/db/settings";
import { launchRetrain } from "@/lib/services/retrain/launch";
import { startScheduler, type Scheduler } from "./scheduler";

export function startRetrainScheduler(): Promise<Scheduler> {
  return startScheduler({
    readSchedule: getRetrainSchedule,
    trigger: () => launchRetrain({ trigger: "CRON", requestedById: null }),
    log: (message) => console.log(`[scheduler] ${message}`),
    onSkipped: (busyRunId) => recordAudit({ userId: null, action: "retrain.skipped", target: `run:${busyRunId}`, details: { trigger: "CRON" } }),
  });
}
