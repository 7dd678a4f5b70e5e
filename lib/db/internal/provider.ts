/**
 * Which database DATABASE_URL names. Unset or `file:` → SQLite (the embedded default);
 * `postgres://` or `postgresql://` → PostgreSQL. The one place that reads the URL's scheme.
 */
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export type DatabaseTarget = { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseTarget(url: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  const value = url?.trim() || DEFAULT_DATABASE_URL;
  if (value.startsWith("file:")) {
    // The database file is chosen at run time; the bundler has nothing to trace here.
    const filePath = path.resolve(/* turbopackIgnore: true */ process.cwd(), value.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { provider: "sqlite", url: value, filePath };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { provider: "postgresql", url: value };
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${value.split(":")[0]}:...")`);
}
