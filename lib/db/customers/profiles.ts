/** Customers' profiles: one by the id in the customer's own file, and how many there are. */
import "server-only";
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";
import { db } from "../internal/client";

const customerSelect = Object.fromEntries([["id", true], ["createdAt", true], ["attributes", true], ...CUSTOMER_COLUMNS.map((column) => [column.field, true])]);

export type CustomerProfile = CustomerRecord & { id: number; createdAt: Date };

/** By the id in the customer's own file (the page's address), not the database's. */
export async function getCustomerProfile(externalId: string): Promise<CustomerProfile | null> {
  return (await db.customer.findUnique({ where: { externalId }, select: customerSelect })) as unknown as CustomerProfile | null;
}

/** The database id of the customer with this external id; null when there is none. */
export async function findCustomerId(externalId: string): Promise<number | null> {
  return (await db.customer.findUnique({ where: { externalId }, select: { id: true } }))?.id ?? null;
}

export async function countCustomers(): Promise<number> {
  return db.customer.count();
}
