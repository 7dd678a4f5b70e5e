/**
 * Runs once when the Next.js server starts: the retrain schedule, in the server's own process
 * when RETRAIN_SCHEDULER is "inline" (the default). Each retrain it starts runs in a job
 * process of its own (jobs/launcher.ts), so training never blocks the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.RETRAIN_SCHEDULER !== "inline") {
    console.log(
      env.RETRAIN_SCHEDULER === "worker" ? "Retrain schedule: run `npm run worker` to start it." : "Retrain schedule is off (RETRAIN_SCHEDULER=off).",
    );
    return;
  }
  const { startRetrainScheduler } = await import("@/jobs/startRetrainScheduler");
  await startRetrainScheduler();
}
