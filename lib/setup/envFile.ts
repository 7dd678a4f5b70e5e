/**
 * First-run setup of `.env`: a NEXTAUTH_SECRET is generated when missing, never overwritten.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const DEFAULTS = (): Record<string, string> => ({
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: "http://localhost:3000",
});

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
