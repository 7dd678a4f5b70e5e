/**
 * `npm run db:deploy` — apply the migrations of the database DATABASE_URL names.
 * `tsx lib/cli/prisma.ts generate` (postinstall) — generate both providers' clients.
 */
import { execFileSync } from "node:child_process";
import { deployMigrations } from "@/lib/db/migrate";
import { databaseTarget, DEFAULT_DATABASE_URL } from "@/lib/db/provider";

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
  const applied = await deployMigrations(target);
  const where = target.provider === "sqlite" ? target.filePath : "PostgreSQL";
  console.log(
    applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where} is up to date; no pending migrations.`,
  );
}

const command = process.argv[2];
if (command === "generate") generate();
else if (command === "deploy") await deploy();
else {
  console.error("usage: tsx lib/cli/prisma.ts generate|deploy");
  process.exit(2);
}
