/**
 * The score server (`npm run score-server`, lib/cli/scoreServer.ts) as a process of its own on
 * a free loopback port, for the benches, the integration test and the two-servers spec.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { freePort, type StartedServer } from "./nextServer";
import { pinToCpus } from "./pinToCpus";

const READY_WITHIN_MS = 60_000;

export async function startScoreServer({
  databaseUrl,
  env = {},
  cpus,
}: {
  databaseUrl: string;
  env?: Record<string, string>;
  cpus?: string;
}): Promise<StartedServer> {
  const port = await freePort();
  const tsx = path.resolve("node_modules/.bin/tsx");
  const command = pinToCpus([tsx, "--conditions", "react-server", "lib/cli/scoreServer.ts", "--port", String(port), "--host", "127.0.0.1"], cpus);
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
  };
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("Score server ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the score server exited with code ${code} before it was ready:\n${errors}`)));
    setTimeout(() => reject(new Error(`the score server was not ready within ${READY_WITHIN_MS / 1000} s:\n${errors}`)), READY_WITHIN_MS).unref();
  });
  try {
    await ready;
  } catch (error) {
    stop();
    throw error;
  }
  return { base: `http://127.0.0.1:${port}`, stop };
}
