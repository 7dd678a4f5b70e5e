/**
 * @prisma/adapter-pg, with every transaction handing its connection back to the pool.
 *
 * Prisma's transaction manager (6.19.3) ends a transaction by sending COMMIT or ROLLBACK and
 * only then calling the adapter's commit()/rollback(), which release the pool client. When that
 * statement fails — the connection was cut by an outage, or COMMIT itself was refused — the
 * release never happens: the pool loses a slot for good, and its end() (so $disconnect) waits
 * for ever. Here a failed closing statement releases the client itself; pg-pool drops a client
 * whose connection has died and keeps a healthy one.
 *
 * Each transaction's pool client is registered while the transaction is open, so bulk writes
 * can COPY on it (transactionConnection.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { registerPostgresTransaction } from "./transactionConnection";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** The statements Prisma's transaction manager sends to end a transaction. */
const CLOSING_STATEMENTS = new Set(["COMMIT", "ROLLBACK"]);

export class PostgresAdapter extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => registerWhileOpen(releaseWhenClosingFails(await startTransaction(isolationLevel)));
    return adapter;
  }
}

function releaseWhenClosingFails(transaction: Transaction): Transaction {
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // The manager treats the transaction as over and will not call commit()/rollback().
      if (CLOSING_STATEMENTS.has(query.sql)) await transaction.rollback();
      throw error;
    }
  };
  return transaction;
}

/** The transaction object runs on the pool client it holds in `client` until commit() or rollback() releases it. */
function registerWhileOpen(transaction: Transaction): Transaction {
  const forget = registerPostgresTransaction((transaction as unknown as { client: pg.PoolClient }).client);
  for (const end of ["commit", "rollback"] as const) {
    const close = transaction[end].bind(transaction);
    transaction[end] = async () => {
      forget();
      await close();
    };
  }
  return transaction;
}
