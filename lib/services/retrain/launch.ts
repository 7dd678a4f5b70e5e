/**
 * Starting a retrain in its own process (jobs/retrain.ts), so training never blocks the web
 * server and a crash or kill cannot take it down. Resolves once the child holds the lease
 * (with the run id), or rejects with RetrainBusyError naming the run that is in the way.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { RetrainBusyError } from "@/lib/db/lease";
import type { RunTrigger } from "@/lib/db/runs";

export interface LaunchedRetrain {
  runId: number;
  /** The child's exit code: 0 succeeded or rejected, 1 failed. */
  finished: Promise<number>;
}

export function launchRetrain(request: { trigger: RunTrigger; requestedById: string | null }): Promise<LaunchedRetrain> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const args = ["--conditions", "react-server", "jobs/retrain.ts", "--trigger", request.trigger.toLowerCase()];
  if (request.requestedById) args.push("--requested-by", request.requestedById);
  const child = spawn(tsx, args, { cwd: process.cwd(), env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  const finished = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line));

  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const started = /^started run (\d+)$/.exec(line);
      if (started) resolve({ runId: Number(started[1]), finished });
    });
    finished.then((code) => {
      const busy = stderr.map((line) => /\(run (\d+)\)/.exec(line)).find(Boolean);
      if (code === 3 && busy) reject(new RetrainBusyError(Number(busy[1])));
      else reject(new Error(`the retrain process exited (code ${code}) before starting: ${stderr.slice(-3).join(" ") || "no output"}`));
    });
  });
}
