import { describe, expect, test } from "vitest";
import type { OrderRecord } from "@/lib/data/customer";
import { listRecentOrderLines } from "@/lib/customers/orderLines";

const line = (day: number, amount: number, extra: Partial<OrderRecord> = {}): OrderRecord => ({
  customerId: "c1",
  orderDate: new Date(Date.UTC(2014, 0, day)),
  amount,
  orderId: `o${day}`,
  quantity: 1,
  category: "Wines",
  channel: "Store",
  ...extra,
});

describe("listRecentOrderLines", () => {
  const orders = Array.from({ length: 60 }, (_, i) => line(i + 1, i === 59 ? -12.5 : 10 + i));

  test("lists the latest lines first and counts them all", () => {
    const { lines, total } = listRecentOrderLines(orders);
    expect(total).toBe(60);
    expect(lines).toHaveLength(50);
    expect(lines[0].orderId).toBe("o60");
    expect(lines.at(-1)!.orderId).toBe("o11");
  });

  test("a negative amount is a return; a line's own kind, when recorded, wins", () => {
    const { lines } = listRecentOrderLines([line(1, 20, { kind: "cancelled" }), line(2, 5), line(3, -5)]);
    expect(lines.map((entry) => entry.kind)).toEqual(["return", "sale", "cancelled"]);
  });
});
