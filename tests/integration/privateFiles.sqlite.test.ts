/**
 * Files that hold secrets or customer data are created readable by their owner only (0600):
 * the SQLite database (by the migrations and by the app's first connection), its backups, and
 * `.env`, even under a permissive umask.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupDatabase } from "@/lib/db/internal/backup";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { createAdapterFactory } from "@/lib/db/internal/adapter";
import { databaseTarget } from "@/lib/db/internal/provider";
import { ensureEnvFile, setEnvValue } from "@/lib/setup/envFile";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("private files", () => {
  let dir: string;
  let umask: number;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "private-files-"));
    umask = process.umask(0o022);
  });

  afterAll(() => {
    process.umask(umask);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the database the migrations create, its WAL, and a backup of it are 0600", async () => {
    const target = databaseTarget(`file:${path.join(dir, "data", "app.db")}`);
    await deployMigrations(target);
    if (target.provider !== "sqlite") throw new Error("expected SQLite");
    expect(mode(target.filePath)).toBe(0o600);
    for (const companion of ["-wal", "-shm"]) {
      if (fs.existsSync(target.filePath + companion)) expect(mode(target.filePath + companion)).toBe(0o600);
    }
    const backup = await backupDatabase(target, path.join(dir, "backups", "app-copy.db"));
    expect(mode(backup.file)).toBe(0o600);
  });

  test("the app's first connection creates a missing database file 0600", () => {
    const file = path.join(dir, "fresh", "app.db");
    createAdapterFactory(databaseTarget(`file:${file}`));
    expect(mode(file)).toBe(0o600);
  });

  test(".env is written 0600, and an existing world-readable one is made private when a key is added", () => {
    const fresh = path.join(dir, "fresh.env");
    const saved = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      expect(ensureEnvFile(fresh)).toContain("NEXTAUTH_SECRET");
      expect(mode(fresh)).toBe(0o600);
      delete process.env.NEXTAUTH_SECRET;
      const existing = path.join(dir, "existing.env");
      fs.writeFileSync(existing, "PORT=3000\n", { mode: 0o644 });
      expect(ensureEnvFile(existing)).toContain("NEXTAUTH_SECRET");
      expect(mode(existing)).toBe(0o600);
      const other = path.join(dir, "other.env");
      fs.writeFileSync(other, "PORT=3000\nDEMO_API_TOKEN=old\n", { mode: 0o644 });
      setEnvValue("DEMO_API_TOKEN", "sst_example", other);
      expect(mode(other)).toBe(0o600);
      expect(fs.readFileSync(other, "utf8")).toBe("PORT=3000\nDEMO_API_TOKEN=sst_example\n");
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = saved;
      delete process.env.DEMO_API_TOKEN;
      delete process.env.NEXTAUTH_URL;
    }
  });
});
