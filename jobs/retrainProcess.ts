/**
 * A retrain job process, started by jobs/launcher.ts: it takes one "run" command over the IPC
 * channel, trains, reports started / busy / progress / finished, and exits. Its stdout and
 * stderr are the run's log. If the launcher goes away, so does the heartbeat that keeps the
 * lease alive, so the process stops too rather than train unseen.
 */
import { ensureEnvFile } from "@/lib/setup/envFile";
import type { JobReport, RunCommand } from "./retrainMessages";

if (!process.send) {
  console.error("jobs/retrainProcess.ts is started by the launcher; run `npm run retrain` instead.");
  process.exit(2);
}

let done = false;
process.on("disconnect", () => {
  if (!done) process.exit(1);
});

const report = (message: JobReport) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once("message", async (command: RunCommand) => {
  ensureEnvFile();
  const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
  const { RetrainBusyError } = await import("@/lib/db/lease");
  const { disconnectDatabase } = await import("@/lib/db/connection");
  let runId = 0;
  let lastStage = "";
  try {
    const outcome = await runRetrain(command.payload, {
      onStarted: (id) => {
        runId = id;
        console.log(`${clock()} run ${runId} started (process ${process.pid})`);
        void report({ type: "started", runId });
      },
      onProgress: (stage, progress) => {
        // One line per stage: the log says how far a run that died had come.
        if (stage !== lastStage) console.log(`${clock()} stage ${stage}`);
        lastStage = stage;
        void report({ type: "progress", runId, stage, progress });
      },
    });
    console.log(`${clock()} run ${runId} ${outcome.review ? "held for review" : outcome.status.toLowerCase()}: ${outcome.reasons.join("; ")}`);
    await report({ type: "finished", outcome });
  } catch (error) {
    if (!(error instanceof RetrainBusyError)) throw error;
    await report({ type: "busy", runId: error.runId });
  } finally {
    done = true;
    await disconnectDatabase();
    process.disconnect();
  }
});

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}
