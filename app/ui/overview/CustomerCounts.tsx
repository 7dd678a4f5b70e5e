import { Card, Grid, Metric, Text } from "@tremor/react";
import { countCustomers, countOrders, countProfiledCustomers } from "@/lib/db/customers";

export async function CustomerCounts() {
  const [customers, profiled, orders] = await Promise.all([countCustomers(), countProfiledCustomers(), countOrders()]);
  const cards = [
    { label: "Customers", value: customers, testId: "customer-count" },
    { label: "With a full profile", value: profiled, testId: "profiled-count" },
    { label: "Order lines", value: orders, testId: "order-count" },
  ];
  return (
    <Grid numItemsSm={3} className="gap-4">
      {cards.map((card) => (
        <Card key={card.label}>
          <Text>{card.label}</Text>
          <Metric data-testid={card.testId}>{card.value.toLocaleString("en-US")}</Metric>
        </Card>
      ))}
    </Grid>
  );
}
