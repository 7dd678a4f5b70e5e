import "server-only";
import { db } from "./client";

export async function countCustomers(): Promise<number> {
  return db.customer.count();
}

export async function countOrders(): Promise<number> {
  return db.order.count();
}

/** Customers known only from order lines have no profile: no enrolment date nor income. */
export async function countProfiledCustomers(): Promise<number> {
  return db.customer.count({ where: { dtCustomer: { not: null } } });
}
