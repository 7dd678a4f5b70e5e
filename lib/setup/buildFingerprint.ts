/**
 * Whether `.next` was built from the sources as they are now: a hash of every build input's path
 * and contents, stored beside the build after it succeeds. Contents, not mtimes, so a fresh
 * checkout of the same commit is current and an edit that keeps the mtime is not.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What `next build` reads: the source folders, the configs and the locked dependencies. */
export const BUILD_INPUTS = [
  "app",
  "lib",
  "jobs",
  "types",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const FINGERPRINT_FILE = "demo-build-fingerprint";
const BUILD_ID_FILE = "BUILD_ID";

export function fingerprintSources(root: string, inputs = BUILD_INPUTS, publicEnv = publicEnvironment()): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => listFiles(root, input)).sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  // NEXT_PUBLIC_ values are inlined into the client bundle at build time.
  hash.update(JSON.stringify(publicEnv));
  return hash.digest("hex");
}

export function isBuildCurrent(root: string, fingerprint: string, buildDir = path.join(root, ".next")): boolean {
  const stored = path.join(buildDir, FINGERPRINT_FILE);
  if (!fs.existsSync(path.join(buildDir, BUILD_ID_FILE)) || !fs.existsSync(stored)) return false;
  return fs.readFileSync(stored, "utf8").trim() === fingerprint;
}

export function recordBuild(fingerprint: string, buildDir: string): void {
  fs.writeFileSync(path.join(buildDir, FINGERPRINT_FILE), `${fingerprint}\n`);
}

function listFiles(root: string, input: string): string[] {
  const full = path.join(root, input);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [input];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function publicEnvironment(): [string, string | undefined][] {
  return Object.keys(process.env)
    .filter((key) => key.startsWith("NEXT_PUBLIC_"))
    .sort()
    .map((key) => [key, process.env[key]]);
}
