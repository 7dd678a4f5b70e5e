/**
 * The driver connection a Prisma interactive transaction runs on, so bulk writes can use the
 * driver itself (prepared statements on SQLite, COPY on PostgreSQL) inside that very
 * transaction and stay all-or-nothing with it. The adapters register their connections
 * (adapter.ts, postgresAdapter.ts); a transaction finds its own by asking the database which
 * connection it is: a function each SQLite connection answers with its own number, or
 * PostgreSQL's pg_backend_pid().
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import type { Prisma } from "./client";
import { databaseTarget } from "./provider";

export type TransactionConnection = { provider: "sqlite"; database: Database.Database } | { provider: "postgresql"; client: pg.PoolClient };

const CONNECTION_FUNCTION = "segment_studio_connection";
const sqliteDatabases = new Map<number, Database.Database>();
let lastSqliteNumber = 0;
/** Clients holding an open transaction, by backend process id (unique on the server while the connection lives). */
const postgresClients = new Map<number, pg.PoolClient>();

/** Makes a SQLite connection findable; returns what forgets it. */
export function registerSqliteDatabase(database: Database.Database): () => void {
  const number = ++lastSqliteNumber;
  database.function(CONNECTION_FUNCTION, { deterministic: true }, () => number);
  sqliteDatabases.set(number, database);
  return () => sqliteDatabases.delete(number);
}

/** Makes a PostgreSQL client findable while its transaction is open; returns what forgets it. */
export function registerPostgresTransaction(client: pg.PoolClient): () => void {
  const pid = (client as unknown as { processID: number | null }).processID;
  if (pid === null) return () => {};
  postgresClients.set(pid, client);
  return () => {
    if (postgresClients.get(pid) === client) postgresClients.delete(pid);
  };
}

/** Runs `write` on the connection of `tx`; throws unless `tx` is an open transaction of a registered connection. */
export async function withTransactionConnection<T>(tx: Prisma.TransactionClient, write: (connection: TransactionConnection) => Promise<T>): Promise<T> {
  const provider = databaseTarget().provider;
  if (provider === "sqlite") {
    const [row] = await tx.$queryRawUnsafe<{ number: bigint | number }[]>(`SELECT ${CONNECTION_FUNCTION}() AS "number"`);
    const database = sqliteDatabases.get(Number(row.number));
    if (!database?.inTransaction) throw new Error("bulk writes need an open transaction on a registered SQLite connection");
    return write({ provider, database });
  }
  const [row] = await tx.$queryRawUnsafe<{ pid: number }[]>(`SELECT pg_backend_pid() AS "pid"`);
  const client = postgresClients.get(Number(row.pid));
  if (!client) throw new Error("bulk writes need an open transaction on a registered PostgreSQL connection");
  return write({ provider, client });
}
