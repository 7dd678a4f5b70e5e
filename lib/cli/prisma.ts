/**
 * `npm run db:deploy` — apply the migrations of the database DATABASE_URL names.
 * `tsx lib/cli/prisma.ts generate` (postinstall) — generate both providers' clients.
 * `npm run db:migration -- NAME` — after editing both schemas, write each provider's
 *   migration from the difference to the last committed schema (offline; no shadow database).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeConnectionProblem } from "@/lib/db/internal/connectionProblem";
import { deployMigrations } from "@/lib/db/internal/migrate";
import { databaseTarget, DEFAULT_DATABASE_URL } from "@/lib/db/internal/provider";

/** A URL of each provider's scheme: generate connects to nothing, but the schema's env("DATABASE_URL") must match its provider, or the CLI goes looking for a native engine it cannot download. */
const PLACEHOLDER_URLS = { sqlite: DEFAULT_DATABASE_URL, postgresql: "postgresql://localhost/unused" } as const;
const PROVIDERS = ["sqlite", "postgresql"] as const;

function generate(): void {
  for (const provider of PROVIDERS) {
    execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${provider}/schema.prisma`], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: PLACEHOLDER_URLS[provider] },
    });
  }
  console.log(`Generated Prisma clients for ${PROVIDERS.join(" and ")}.`);
}

async function deploy(): Promise<void> {
  const target = databaseTarget();
  const applied = await deployMigrations(target).catch((error: unknown) => {
    const problem = target.provider === "postgresql" ? describeConnectionProblem(error, target.url) : null;
    if (!problem) throw error;
    console.error(problem);
    process.exit(1);
  });
  const where = target.provider === "sqlite" ? target.filePath : "PostgreSQL";
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where} is up to date; no pending migrations.`);
}

/** The schema-to-SQL diff needs a reachable server of the provider's kind, though it reads nothing from it. */
const DIFF_URLS = { sqlite: DEFAULT_DATABASE_URL, postgresql: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" };

function createMigration(name: string | undefined): void {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- name_in_snake_case");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of PROVIDERS) {
    const schema = `prisma/${provider}/schema.prisma`;
    const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
    fs.writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`]));
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", schema, "--script"], {
      env: { ...process.env, DATABASE_URL: DIFF_URLS[provider] },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const dir = `prisma/${provider}/migrations/${stamp}_${name}`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
}

const command = process.argv[2];
if (command === "generate") generate();
else if (command === "deploy") await deploy();
else if (command === "migration") createMigration(process.argv[3]);
else {
  console.error("usage: tsx lib/cli/prisma.ts generate|deploy|migration NAME");
  process.exit(2);
}
