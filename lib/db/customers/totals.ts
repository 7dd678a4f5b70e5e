import "server-only";
import type { Prisma } from "../internal/client";

export interface DatabaseTotals {
  customersAfter: number;
  profiledAfter: number;
  ordersAfter: number;
}

/**
 * Counted inside an import's transaction and stored on its batch, so the overview never
 * scans the tables. Customers known only from order lines have no profile: no enrolment date.
 */
export async function countTotals(tx: Prisma.TransactionClient): Promise<DatabaseTotals> {
  // One pass over customers: a field's count is of its non-null values.
  const customers = await tx.customer.count({ select: { _all: true, dtCustomer: true } });
  const ordersAfter = await tx.order.count();
  return { customersAfter: customers._all, profiledAfter: customers.dtCustomer, ordersAfter };
}
