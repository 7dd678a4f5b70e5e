/** NEXTAUTH_URL in `.env` follows the demo's port, and nothing else the user set is touched. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { readServedPort, syncLocalUrl } from "@/lib/setup/envFile";

describe("the served port in .env", () => {
  let dir: string;
  let file: string;
  const saved = process.env.NEXTAUTH_URL;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "env-port-"));
    file = path.join(dir, ".env");
    delete process.env.NEXTAUTH_URL;
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  });

  test("a localhost NEXTAUTH_URL moves to the new port; the other lines stay as they were", () => {
    fs.writeFileSync(file, "NEXTAUTH_SECRET=s3cret\nNEXTAUTH_URL=http://localhost:3000\n# mine\nDEMO_API_TOKEN=tok\n");
    expect(syncLocalUrl(3100, file)).toBe("http://localhost:3100");
    expect(fs.readFileSync(file, "utf8")).toBe("NEXTAUTH_SECRET=s3cret\nNEXTAUTH_URL=http://localhost:3100\n# mine\nDEMO_API_TOKEN=tok\n");
    expect(process.env.NEXTAUTH_URL).toBe("http://localhost:3100");
  });

  test("the same port leaves the file unchanged", () => {
    fs.writeFileSync(file, 'NEXTAUTH_URL="http://localhost:3100"\n');
    expect(syncLocalUrl(3100, file)).toBe("http://localhost:3100");
    expect(fs.readFileSync(file, "utf8")).toBe('NEXTAUTH_URL="http://localhost:3100"\n');
  });

  test("an address on another host is the user's and is kept", () => {
    fs.writeFileSync(file, "NEXTAUTH_URL=https://studio.example.com\n");
    expect(syncLocalUrl(3100, file)).toBe("https://studio.example.com");
    expect(fs.readFileSync(file, "utf8")).toBe("NEXTAUTH_URL=https://studio.example.com\n");
  });

  test("NEXTAUTH_URL set in the environment wins and the file is not written", () => {
    fs.writeFileSync(file, "NEXTAUTH_URL=http://localhost:3000\n");
    process.env.NEXTAUTH_URL = "http://localhost:8080";
    expect(syncLocalUrl(3100, file)).toBe("http://localhost:8080");
    expect(fs.readFileSync(file, "utf8")).toBe("NEXTAUTH_URL=http://localhost:3000\n");
  });

  test("a missing NEXTAUTH_URL is added", () => {
    fs.writeFileSync(file, "NEXTAUTH_SECRET=s3cret");
    syncLocalUrl(3241, file);
    expect(fs.readFileSync(file, "utf8")).toBe("NEXTAUTH_SECRET=s3cret\nNEXTAUTH_URL=http://localhost:3241\n");
  });

  test.each([
    [undefined, 3000],
    ["", 3000],
    ["3100", 3100],
    ["65535", 65535],
  ])("PORT %j serves on %i", (value, port) => {
    expect(readServedPort(value)).toBe(port);
  });

  test.each(["0", "65536", "31.5", "abc", "-1"])("PORT %j is refused with the reason", (value) => {
    expect(() => readServedPort(value)).toThrow(`PORT must be a whole number from 1 to 65535, not "${value}"`);
  });

  test("another variable's port (the score server's) has its own default and is named when refused", () => {
    expect(readServedPort(undefined, "SCORE_SERVER_PORT", 3001)).toBe(3001);
    expect(readServedPort("3002", "SCORE_SERVER_PORT", 3001)).toBe(3002);
    expect(() => readServedPort("80.5", "SCORE_SERVER_PORT", 3001)).toThrow('SCORE_SERVER_PORT must be a whole number from 1 to 65535, not "80.5"');
  });
});
