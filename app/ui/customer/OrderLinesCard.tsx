import { Badge, Card, Text, Title } from "@tremor/react";
import type { OrderLineView } from "@/lib/customers/orderLines";
import { formatCount, formatMoney, type MoneyFormat } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";

const KIND_BADGES = { return: { label: "return", color: "rose" }, cancelled: { label: "cancelled", color: "gray" } } as const;

/** The customer's latest order lines, returns and cancelled orders marked. */
export function OrderLinesCard({ lines, total, moneyFormat: format }: { lines: OrderLineView[]; total: number; moneyFormat: MoneyFormat }) {
  return (
    <Card data-testid="customer-orders">
      <Title>Order lines</Title>
      {total === 0 ? (
        <Text className="mt-2">No order lines for this customer: what the models know comes from the profile.</Text>
      ) : (
        <>
          <Text className="mt-1">
            {lines.length < total
              ? `The latest ${formatCount(lines.length, format)} of ${formatCount(total, format)} order lines.`
              : total === 1
                ? "Its one order line."
                : `All ${formatCount(total, format)} order lines.`}
          </Text>
          <div className="mt-2">
            <RowsTable
              testId="customer-order-lines"
              header={["Date", "Order", "Category", "Channel", "Quantity", "Amount", ""]}
              rows={lines.map((line, i) => ({
                key: i,
                className: line.kind === "sale" ? undefined : "text-tremor-content-subtle",
                cells: [
                  line.orderDate.toISOString().slice(0, 10),
                  line.orderId ?? "—",
                  line.category ?? "—",
                  line.channel ?? "—",
                  line.quantity === null ? "—" : formatCount(line.quantity, format),
                  formatMoney(line.amount, format, { cents: true }),
                  line.kind === "sale" ? (
                    ""
                  ) : (
                    <Badge key="kind" color={KIND_BADGES[line.kind].color}>
                      {KIND_BADGES[line.kind].label}
                    </Badge>
                  ),
                ],
              }))}
            />
          </div>
        </>
      )}
    </Card>
  );
}
