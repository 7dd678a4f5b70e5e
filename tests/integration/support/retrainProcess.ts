/**
 * The retrain CLI (jobs/retrain.ts) as a separate process, the way the admin page and the
 * scheduler start it, for tests of what happens between processes: single flight and a
 * worker killed mid-run.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export interface RetrainProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RetrainProcess {
  /** The run id from `started run N`; rejects when the process exits without printing it. */
  started: Promise<number>;
  exited: Promise<RetrainProcessResult>;
  /** SIGKILL to the whole process group: tsx runs the script in a child process of its own. */
  kill(): void;
}

export function spawnRetrain(options: { databaseUrl: string; config: object; env?: Record<string, string> }): RetrainProcess {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const args = ["--conditions", "react-server", "jobs/retrain.ts", "--config", JSON.stringify(options.config)];
  const child = spawn(tsx, args, {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  let onStarted: (runId: number) => void = () => undefined;
  const started = new Promise<number>((resolve) => (onStarted = resolve));
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    const match = /^started run (\d+)$/m.exec(stdout);
    if (match) onStarted(Number(match[1]));
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
    kill: () => process.kill(-child.pid!, "SIGKILL"),
  };
}
