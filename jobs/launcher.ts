/**
 * The one way a retrain starts, for the admin page's route, the scheduler and the CLI: start a
 * job process (jobs/retrainProcess.ts) and talk to it over the IPC channel. The launcher keeps
 * the run's lease alive from its own process, which training never blocks; when the job process
 * exits, however it ends, the launcher stores its output with the run and frees the lease, and
 * a run that had not finished is failed then and there, saying how its process ended. The job
 * process runs at RETRAIN_NICE (lower CPU priority), so it does not slow the web server beside it.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { beatLease, HEARTBEAT_MS } from "@/lib/db/lease";
import { settleExitedRun } from "@/lib/db/runLiveness";
import type { RetrainOutcome } from "@/lib/services/retrain/runRetrain";
import { jobProcessFlags } from "./jobProcessFlags";
import { OutputLog } from "./outputLog";
import type { JobReport, RetrainPayload, RunCommand } from "./retrainMessages";

/**
 * The job's entry, resolved from the project root: this module may be bundled by Next.js, far
 * from its source. Spawned with an IPC channel rather than fork(), whose path the bundler
 * would try to bundle as a module.
 */
const JOB_ENTRY = path.join(process.cwd(), "jobs", "retrainProcess.ts");

export type Launched =
  | {
      type: "started";
      runId: number;
      pid: number;
      /** The outcome the job reported, or null when its process ended without one (the run is then failed). */
      finished: Promise<RetrainOutcome | null>;
    }
  | { type: "busy"; runId: number };

export interface LaunchOptions {
  /** The job's stdout and stderr as they come (they are kept with the run either way). */
  onOutput?(text: string): void;
  onProgress?(stage: string, progress: number): void;
}

export function launchRetrain(payload: RetrainPayload, options: LaunchOptions = {}): Promise<Launched> {
  const child = spawn(process.execPath, [...jobProcessFlags(env.RETRAIN_HEAP_MB), JOB_ENTRY], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  lowerPriority(child.pid);
  const log = new OutputLog();
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8").on("data", (text: string) => {
      log.append(text);
      options.onOutput?.(text);
    });
  }

  let runId: number | null = null;
  let outcome: RetrainOutcome | null = null;
  let heartbeat: NodeJS.Timeout | undefined;
  let settled: (value: RetrainOutcome | null) => void = () => undefined;
  const finished = new Promise<RetrainOutcome | null>((resolve) => (settled = resolve));

  return new Promise<Launched>((resolve, reject) => {
    child.on("error", reject);
    child.on("message", (report: JobReport) => {
      if (report.type === "started") {
        runId = report.runId;
        heartbeat = setInterval(() => void beatLease(report.runId).catch(() => undefined), HEARTBEAT_MS);
        resolve({ type: "started", runId, pid: child.pid!, finished });
      } else if (report.type === "busy") resolve({ type: "busy", runId: report.runId });
      else if (report.type === "progress") options.onProgress?.(report.stage, report.progress);
      else outcome = report.outcome;
    });
    // "close", not "exit": the output is complete only once the pipes are drained.
    child.on("close", (code, signal) => {
      clearInterval(heartbeat);
      if (runId === null) {
        reject(new Error(`the retrain process exited (${exitCause(code, signal)}) before starting: ${log.lastLines(3) || "no output"}`));
        return;
      }
      settleExitedRun(runId, { cause: exitCause(code, signal), log: log.text() })
        .catch((error: Error) => console.error(`could not settle run ${runId}: ${error.message}`))
        .finally(() => settled(outcome));
    });
    child.send({ type: "run", payload } satisfies RunCommand);
  });
}

/** Niceness is relative to the launcher's own: the job gets RETRAIN_NICE more, capped at 19. Training still runs where it cannot be lowered. */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined || env.RETRAIN_NICE === 0) return;
  try {
    os.setPriority(pid, Math.min(19, os.getPriority() + env.RETRAIN_NICE));
  } catch (error) {
    console.error(`could not lower the retrain process's priority: ${(error as Error).message}`);
  }
}

function exitCause(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
