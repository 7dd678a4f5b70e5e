/** The single-machine default: the retrain schedule runs beside the web server, in the process that starts it. */
import { env } from "@/lib/env";

export async function startInlineScheduler(): Promise<void> {
  if (env.RETRAIN_SCHEDULER !== "inline") {
    console.log(env.RETRAIN_SCHEDULER === "worker" ? "Retrain schedule: run `npm run worker` to start it." : "Retrain schedule is off (RETRAIN_SCHEDULER=off).");
    return;
  }
  const { startRetrainScheduler } = await import("@/jobs/startRetrainScheduler");
  await startRetrainScheduler();
}
