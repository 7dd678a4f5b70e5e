/**
 * A PostgreSQL connection failure a person can fix, in one line: the raw pg error is a
 * pg-protocol stack trace that does not say which database or what to do.
 */

/** PostgreSQL's SQLSTATE for "database does not exist"; Prisma reports the same as P1003. */
const MISSING_DATABASE_CODES = new Set(["3D000", "P1003"]);

function place(url: URL): { name: string; where: string } {
  const name = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  return { name, where: `${url.hostname || "localhost"}:${url.port || "5432"}` };
}

/** The one line to print for a connection error, or null when the error is not one of these. */
export function describeConnectionProblem(error: unknown, databaseUrl: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  const { name, where } = place(new URL(databaseUrl));
  if (MISSING_DATABASE_CODES.has(code)) {
    return `database "${name}" does not exist on ${where}: create it with createdb ${name} (or psql -c 'CREATE DATABASE ${name}')`;
  }
  if (code === "ECONNREFUSED") return `no PostgreSQL server answers on ${where}: start it, or set DATABASE_URL to the one you use`;
  return null;
}
