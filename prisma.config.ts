/**
 * Prisma CLI configuration. The provider comes from DATABASE_URL (see lib/db/internal/provider.ts):
 * each provider has its own schema and migrations folder under prisma/<provider>/, and the
 * CLI migrates through a driver adapter (engine "js") so no native schema engine is needed.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./lib/db/internal/provider";
import { createAdapterFactory } from "./lib/db/internal/adapter";

const target = databaseTarget(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", target.provider, "schema.prisma"),
  migrations: { path: path.join("prisma", target.provider, "migrations") },
  engine: "js",
  adapter: async () => createAdapterFactory(target),
});
