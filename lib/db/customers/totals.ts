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
  const customersAfter = await tx.customer.count();
  const profiledAfter = await tx.customer.count({ where: { dtCustomer: { not: null } } });
  const ordersAfter = await tx.order.count();
  return { customersAfter, profiledAfter, ordersAfter };
}
