/**
 * First-run setup of `.env`: a NEXTAUTH_SECRET is generated when missing, never overwritten;
 * NEXTAUTH_URL follows the port the app is served on while it points at this machine.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const DEFAULTS = (): Record<string, string> => ({
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: buildLocalUrl(readServedPort()),
});

export const DEFAULT_PORT = 3000;

/** The port from PORT (or the variable `name`), or `fallback`; anything but a whole number from 1 to 65535 is refused. */
export function readServedPort(value = process.env.PORT, name = "PORT", fallback = DEFAULT_PORT): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a whole number from 1 to 65535, not "${value}"`);
  return port;
}

export function buildLocalUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** Adds missing keys to `.env` (and to process.env); returns the keys it added. */
export function ensureEnvFile(file = ".env"): string[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const present = new Set(
    text
      .split("\n")
      .map((line) => line.match(/^\s*([A-Z_][A-Z0-9_]*)\s*=/)?.[1])
      .filter(Boolean),
  );
  const added = Object.entries(DEFAULTS()).filter(([key]) => !present.has(key) && !process.env[key]);
  if (added.length) {
    const lines = added.map(([key, value]) => `${key}=${value}`).join("\n");
    fs.writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}${lines}\n`, { mode: 0o600 });
    // The mode above applies only to a new file; an existing one holding a secret is made private too.
    fs.chmodSync(file, 0o600);
    for (const [key, value] of added) process.env[key] = value;
  }
  return added.map(([key]) => key);
}

/** Sets one key in `.env` (and in process.env), replacing its line or adding one. */
export function setEnvValue(key: string, value: string, file = ".env"): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const line = `${key}=${value}`;
  const pattern = new RegExp(`^\\s*${key}\\s*=.*$`, "m");
  const next = pattern.test(text) ? text.replace(pattern, line) : `${text}${text && !text.endsWith("\n") ? "\n" : ""}${line}\n`;
  fs.writeFileSync(file, next, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  process.env[key] = value;
}

/**
 * Points NEXTAUTH_URL at the served port when `.env` holds a localhost address with another
 * port (one this file wrote); an address the user chose (another host, or set in the
 * environment) is left alone. Returns the URL in effect.
 */
export function syncLocalUrl(port: number, file = ".env"): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const written = /^\s*NEXTAUTH_URL\s*=(.*)$/m
    .exec(text)?.[1]
    ?.trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  const chosen = process.env.NEXTAUTH_URL;
  if (chosen && chosen !== written) return chosen;
  const wanted = buildLocalUrl(port);
  if (written === undefined || (isLocalhostUrl(written) && written !== wanted)) setEnvValue("NEXTAUTH_URL", wanted, file);
  else process.env.NEXTAUTH_URL = written;
  return process.env.NEXTAUTH_URL!;
}

function isLocalhostUrl(value: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(value);
}
