/**
 * Running Next.js from our CLIs: `next build` when needed, then `next start` in the
 * foreground, passing signals through so Ctrl-C stops the server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { readServedPort } from "@/lib/setup/envFile";

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
  /** Called once, when the server says it is ready. */
  onReady?: () => void;
  /** Where the server's standard output goes instead of the terminal; its errors still show (held until it is ready). */
  logFile?: string;
}

export function startApp({ port = readServedPort(), onReady, logFile }: StartOptions = {}): Promise<number> {
  const followed = onReady !== undefined || logFile !== undefined;
  const child = spawn("npx", ["next", "start", "-p", String(port)], { stdio: followed ? ["inherit", "pipe", "pipe"] : "inherit", env: QUIET_ENV });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  if (followed) followServer(child, onReady ?? (() => undefined), logFile);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}

function followServer(child: ChildProcess, onReady: () => void, logFile: string | undefined): void {
  let ready = false;
  const held: string[] = [];
  const log = logFile ? fs.createWriteStream(logFile, { flags: "w" }) : undefined;
  const markReady = (line: string) => {
    if (ready || !/\bReady in\b/.test(line)) return;
    ready = true;
    onReady();
  };
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    if (log) log.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
    markReady(line);
  });
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    if (ready || !log) process.stderr.write(`${line}\n`);
    else held.push(line);
    markReady(line);
  });
  // "close", not "exit": by then every line the server wrote has been read.
  child.on("close", () => {
    log?.end();
    if (ready || !logFile) return;
    process.stderr.write(`${[...held, `The server stopped before it was ready; its output is in ${logFile}.`].join("\n")}\n`);
  });
}
