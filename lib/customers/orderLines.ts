/** A customer's order lines as its page lists them: the latest first, each marked sale, return or cancelled. */
import { classifyOrderLine, type OrderLineKind, type OrderRecord } from "@/lib/data/customer";

export const ORDER_LINES_SHOWN = 50;

export interface OrderLineView {
  orderDate: Date;
  orderId: string | null;
  category: string | null;
  channel: string | null;
  quantity: number | null;
  amount: number;
  kind: OrderLineKind;
}

/** `orders` oldest first (as listCustomerOrders returns them); the kind comes from classifyOrderLine, the one place that decides it. */
export function listRecentOrderLines(orders: readonly OrderRecord[], shown = ORDER_LINES_SHOWN): { lines: OrderLineView[]; total: number } {
  const lines = orders
    .slice(-shown)
    .reverse()
    .map((order) => ({
      orderDate: order.orderDate,
      orderId: order.orderId,
      category: order.category,
      channel: order.channel,
      quantity: order.quantity,
      amount: order.amount,
      kind: classifyOrderLine(order),
    }));
  return { lines, total: orders.length };
}
