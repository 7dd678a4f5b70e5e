/** A customer's order lines, for the response model's RFM features and the customer page's list of them. */
import "server-only";
import type { OrderLineKind, OrderRecord } from "@/lib/data/customer";
import { db } from "../internal/client";

export async function listCustomerOrders(id: number, externalId: string): Promise<OrderRecord[]> {
  const orders = await db.order.findMany({ where: { customerId: id }, orderBy: [{ orderDate: "asc" }, { id: "asc" }] });
  return orders.map(({ orderId, orderDate, amount, quantity, category, channel, kind }) => ({
    customerId: externalId,
    orderId,
    orderDate,
    amount,
    quantity,
    category,
    channel,
    kind: kind as OrderLineKind,
  }));
}
