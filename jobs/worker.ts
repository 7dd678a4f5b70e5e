/**
 * `npm run worker` — the retrain side of a web tier run with RETRAIN_SCHEDULER=worker: the
 * schedule, and the retrains the web queued ("Retrain now"). Each retrain runs in a child
 * process of its own, one at a time across every process (the retrain lease).
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { startRetrainScheduler } = await import("./startRetrainScheduler");
const { startQueuedRunPoller } = await import("./queuedRuns");
const scheduler = await startRetrainScheduler();
const poller = startQueuedRunPoller((message) => console.log(`[worker] ${message}`));
console.log(`[worker] taking queued retrains (process ${process.pid})`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    poller.stop();
    await scheduler.stop();
    process.exit(0);
  });
}
