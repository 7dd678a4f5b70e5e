/**
 * The production server for the benches and for e2e specs that need a server of their own:
 * `next build` (optional), `next start` on a free loopback port against a given database, and
 * sign-in through next-auth's credentials flow by hand.
 */
import { execFileSync, spawn } from "node:child_process";
import net from "node:net";
import os from "node:os";
import { pinToCpus } from "./pinToCpus";

/** A server process started for a test or bench: its address, and how to stop it. */
export interface StartedServer {
  base: string;
  stop: () => void;
}

export async function startServer({
  databaseUrl,
  build,
  env = {},
  port: chosenPort,
  cpus,
}: {
  databaseUrl: string;
  build: boolean;
  env?: Record<string, string>;
  /** A free loopback port unless given. */
  port?: number;
  /** Pins the server to these CPUs (a `taskset -c` list), so a benchmark can give it a core of its own. */
  cpus?: string;
}): Promise<StartedServer> {
  const port = chosenPort ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl",
    RETRAIN_SCHEDULER: "off",
    ...env,
  };
  if (build) execFileSync("npx", ["next", "build"], { stdio: "inherit", env: serverEnv });
  const command = ["npx", "next", "start", "-H", "127.0.0.1", "-p", String(port)];
  const pinned = pinToCpus(command, cpus);
  const server = spawn(pinned[0], pinned.slice(1), { env: serverEnv, stdio: "ignore", detached: true });
  const stop = () => process.kill(-server.pid!, "SIGTERM");
  try {
    await waitFor(`${base}/signin`);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

/**
 * next-auth's credentials flow by hand: CSRF token and cookie, then the callback that sets the
 * session cookie. Returns the cookie to send and the Set-Cookie header it came in.
 */
export async function signIn(base: string, credentials: { email: string; password: string }): Promise<{ cookie: string; setCookie: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }),
  });
  const setCookie = callback.headers.getSetCookie().find((value) => value.split("=")[0].endsWith("session-token"));
  if (!setCookie) throw new Error(`sign-in failed (${callback.status})`);
  return { cookie: setCookie.split(";")[0], setCookie };
}

/** p50/p95 of the time to the full body of `count` sequential requests, after two warm-ups (route compilation caches, prepared statements). */
export async function timeRequests(url: string, init: RequestInit, count: number): Promise<{ status: number; p50: number; p95: number; max: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count + 2; i++) {
    const started = performance.now();
    const response = await fetch(url, init);
    await response.arrayBuffer();
    status = response.status;
    if (i >= 2) times.push(performance.now() - started);
  }
  return { status, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times) };
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}
