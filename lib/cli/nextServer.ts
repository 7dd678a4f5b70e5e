/**
 * Running Next.js from our CLIs: `next build` when needed, then `next start` in the
 * foreground, passing signals through so Ctrl-C stops the server.
 */
import { spawn, spawnSync } from "node:child_process";

export function buildApp(): void {
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

export function startApp(port = Number(process.env.PORT ?? 3000)): Promise<number> {
  const child = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}
