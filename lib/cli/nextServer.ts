/**
 * Running Next.js from our CLIs: `next build` when needed, then `next start` in the
 * foreground, passing signals through so Ctrl-C stops the server.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { servedPort } from "@/lib/setup/envFile";

const QUIET_ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const LOG_TAIL_LINES = 30;

/** Builds the app; with a log file the output goes there, and only its tail is shown on failure. */
export function buildApp(logFile?: string): void {
  if (!logFile) {
    const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: QUIET_ENV });
    if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
    return;
  }
  const fd = fs.openSync(logFile, "w");
  const result = spawnSync("npx", ["next", "build"], { stdio: ["ignore", fd, fd], env: QUIET_ENV });
  fs.closeSync(fd);
  if (result.status !== 0) {
    const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-LOG_TAIL_LINES).join("\n");
    throw new Error(`next build failed with exit code ${result.status}; the end of ${logFile}:\n${tail}`);
  }
}

export interface StartOptions {
  port?: number;
  /** Called once the server says it is ready; until then its start-up lines are held back (shown if it fails). */
  onReady?: () => void;
  /** Echo the start-up lines too. */
  verbose?: boolean;
}

export function startApp({ port = servedPort(), onReady, verbose = false }: StartOptions = {}): Promise<number> {
  const child = spawn("npx", ["next", "start", "-p", String(port)], { stdio: onReady ? ["inherit", "pipe", "pipe"] : "inherit", env: QUIET_ENV });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  if (onReady) followStartup(child.stdout!, child.stderr!, onReady, verbose, child);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}

function followStartup(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream, onReady: () => void, verbose: boolean, child: ReturnType<typeof spawn>): void {
  let ready = false;
  const held: string[] = [];
  const follow = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (ready) return void out.write(`${line}\n`);
      if (verbose) out.write(`${line}\n`);
      else held.push(line);
      if (/\bReady in\b/.test(line)) {
        ready = true;
        onReady();
      }
    });
  follow(stdout, process.stdout);
  follow(stderr, process.stderr);
  // "close", not "exit": by then every line the server wrote has been read.
  child.on("close", () => {
    if (!ready && !verbose && held.length) process.stderr.write(`${held.join("\n")}\n`);
  });
}
