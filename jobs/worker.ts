/**
 * `npm run worker` — runs the retrain scheduler as its own process (RETRAIN_SCHEDULER=worker
 * on the web side). Each retrain still runs in a child process of its own.
 */
import { ensureEnvFile } from "@/lib/setup/envFile";

ensureEnvFile();
const { startRetrainScheduler } = await import("./startRetrainScheduler");
const scheduler = await startRetrainScheduler();
const keepAlive = setInterval(() => undefined, 1 << 30);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    clearInterval(keepAlive);
    await scheduler.stop();
    process.exit(0);
  });
}
