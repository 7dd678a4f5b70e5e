/** `npm run demo` skips `next build` only when `.next` was built from the sources as they are. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fingerprintSources, isBuildCurrent, recordBuild } from "@/lib/setup/buildFingerprint";

const INPUTS = ["app", "next.config.mjs"];

describe("build currency", () => {
  let root: string;
  let buildDir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "build-fingerprint-"));
    buildDir = path.join(root, ".next");
    fs.mkdirSync(path.join(root, "app/api"), { recursive: true });
    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 1;\n");
    fs.writeFileSync(path.join(root, "app/api/route.ts"), "export const GET = 1;\n");
    fs.writeFileSync(path.join(root, "next.config.mjs"), "export default {};\n");
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function build(): string {
    fs.mkdirSync(buildDir, { recursive: true });
    fs.writeFileSync(path.join(buildDir, "BUILD_ID"), "abc");
    const fingerprint = fingerprintSources(root, INPUTS, []);
    recordBuild(fingerprint, buildDir);
    return fingerprint;
  }

  const current = () => isBuildCurrent(root, fingerprintSources(root, INPUTS, []), buildDir);

  test("no build yet is not current", () => {
    expect(current()).toBe(false);
  });

  test("a build from the same sources is current, also after their mtimes change", () => {
    build();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, "app/page.tsx"), later, later);
    expect(current()).toBe(true);
  });

  test.each([
    ["an edited file", () => fs.writeFileSync(path.join(root, "app/api/route.ts"), "export const GET = 2;\n")],
    ["a new file", () => fs.writeFileSync(path.join(root, "app/loading.tsx"), "")],
    ["a removed file", () => fs.rmSync(path.join(root, "app/page.tsx"))],
    ["a renamed file", () => fs.renameSync(path.join(root, "app/page.tsx"), path.join(root, "app/other.tsx"))],
    ["an edited config", () => fs.writeFileSync(path.join(root, "next.config.mjs"), "export default { a: 1 };\n")],
  ])("%s makes the build stale", (_, change) => {
    build();
    change();
    expect(current()).toBe(false);
  });

  test("a file outside the inputs leaves the build current", () => {
    build();
    fs.writeFileSync(path.join(root, "README.md"), "notes");
    expect(current()).toBe(true);
  });

  test("a build directory without its BUILD_ID (a failed or cleaned build) is not current", () => {
    build();
    fs.rmSync(path.join(buildDir, "BUILD_ID"));
    expect(current()).toBe(false);
  });

  test("a changed NEXT_PUBLIC_ value makes the build stale", () => {
    const before = fingerprintSources(root, INPUTS, [["NEXT_PUBLIC_NAME", "a"]]);
    expect(fingerprintSources(root, INPUTS, [["NEXT_PUBLIC_NAME", "b"]])).not.toBe(before);
    expect(fingerprintSources(root, INPUTS, [["NEXT_PUBLIC_NAME", "a"]])).toBe(before);
  });
});
