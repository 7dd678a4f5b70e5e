/**
 * The retrain CLI (jobs/retrain.ts) as a separate process: it starts the job through the same
 * launcher as the admin page and the scheduler, for tests of what happens between processes:
 * single flight, a job process killed mid-run, a launcher killed with its job.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pinToCpus } from "@/tests/support/pinToCpus";

export interface RetrainProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RetrainProcess {
  /** The run id from `started run N (job process P)`; rejects when the process exits without printing it. */
  started: Promise<number>;
  /** The pid of the job process the launcher forked. */
  jobPid(): number;
  exited: Promise<RetrainProcessResult>;
  /** SIGKILL to the whole process group: the CLI (tsx runs it in a child process of its own) and its job. */
  kill(): void;
  /** SIGKILL to the job process alone; the launcher lives on. */
  killJob(): void;
}

/** `cpus` pins the CLI and its job to those CPUs (a `taskset -c` list); `onStdout` sees the CLI's output as it comes. */
export function spawnRetrain(options: {
  databaseUrl: string;
  config: object;
  env?: Record<string, string>;
  cpus?: string;
  onStdout?: (text: string) => void;
}): RetrainProcess {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const command = [tsx, "--conditions", "react-server", "jobs/retrain.ts", "--config", JSON.stringify(options.config)];
  const pinned = pinToCpus(command, options.cpus);
  const child = spawn(pinned[0], pinned.slice(1), {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let jobPid = 0;
  let stderr = "";
  let onStarted: (runId: number) => void = () => undefined;
  const started = new Promise<number>((resolve) => (onStarted = resolve));
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    options.onStdout?.(text);
    const match = /^started run (\d+) \(job process (\d+)\)$/m.exec(stdout);
    if (match) {
      jobPid = Number(match[2]);
      onStarted(Number(match[1]));
    }
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exited = new Promise<RetrainProcessResult>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  const startedOrExited = Promise.race([
    started,
    exited.then((result) => Promise.reject(new Error(`the retrain process exited (${result.code ?? result.signal}) before starting: ${result.stderr}`))),
  ]);
  // A process turned away never starts: that rejection matters only to a caller who waits for the start.
  startedOrExited.catch(() => undefined);
  return {
    started: startedOrExited,
    exited,
    jobPid: () => jobPid,
    kill: () => process.kill(-child.pid!, "SIGKILL"),
    killJob: () => process.kill(jobPid, "SIGKILL"),
  };
}
