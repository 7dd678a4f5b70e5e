/**
 * The worker's side of "Retrain now" with RETRAIN_SCHEDULER=worker: the web queues the run
 * (lib/db/runs.ts queueRunForWorker) and a worker claims it here and starts its job process,
 * one retrain at a time, so retrains never take the web servers' CPU.
 */
import { claimQueuedRun } from "@/lib/db/runs";
import { launchRetrain } from "./launcher";
import { retrainConfig } from "./retrainMessages";

export interface QueuedRunPoller {
  /** No further polls; a retrain under way goes on in its own process. */
  stop(): void;
}

export function startQueuedRunPoller(log: (message: string) => void, pollMs = 2_000): QueuedRunPoller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // The next poll is set only once this one (and any retrain it started) is over: polls never pile up.
  const next = () => {
    if (!stopped) timer = setTimeout(() => void pollOnce(log).catch(reportError(log)).finally(next), pollMs);
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function pollOnce(log: (message: string) => void): Promise<void> {
  const run = await claimQueuedRun();
  if (!run) return;
  // The web stores a plain request; a config it cannot have written is left to the defaults.
  const config = retrainConfig.safeParse(run.config);
  const launched = await launchRetrain({
    trigger: run.trigger,
    requestedById: run.requestedById,
    seed: run.seed,
    config: config.success ? config.data : undefined,
    queuedRunId: run.id,
  });
  if (launched.type === "busy") return log(`queued run ${run.id} failed: run ${launched.runId} was still running`);
  log(`queued run ${run.id} started (job process ${launched.pid})`);
  const outcome = await launched.finished;
  log(`queued run ${run.id} ${outcome ? outcome.status.toLowerCase() : "failed"}`);
}

function reportError(log: (message: string) => void) {
  return (error: Error) => log(`could not start a queued retrain: ${error.message}`);
}
