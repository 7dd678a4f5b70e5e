/** Prisma's codes for a database that cannot be reached, timed out or dropped the connection. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Socket errors, and PostgreSQL's "shutting down" and "cannot connect now" states. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P02", "57P03"]);

/**
 * True when an error means "the database is not there right now" (worth a 503 and a retry)
 * rather than a bug. With driver adapters Prisma reports it as a known request error whose
 * code says so, e.g. P1001 with `DatabaseNotReachable` from the pg adapter; a connection
 * cut mid-use comes through as pg's "Connection terminated unexpectedly". Matched by name:
 * each provider's generated client has its own error classes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "PrismaClientInitializationError") return true;
  const code = (error as { code?: unknown }).code;
  if (error.name === "PrismaClientKnownRequestError") return typeof code === "string" && UNAVAILABLE_CODES.has(code);
  // A pooled connection that died under a query surfaces as the pg driver's own error.
  if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
  return /^Connection terminated/.test(error.message);
}
