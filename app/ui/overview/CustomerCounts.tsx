import { Card, Grid, Metric, Text } from "@tremor/react";
import { getLatestImportBatch } from "@/lib/db/imports/batches";
import { readMoneyFormat } from "@/lib/db/settings";
import { formatCount } from "@/lib/text/numberFormat";

/** The database's totals as the latest import left them (stored with it: no count at request time). */
export async function CustomerCounts() {
  const [batch, format] = await Promise.all([getLatestImportBatch(), readMoneyFormat()]);
  if (batch?.customersAfter == null) return null;
  const cards = [
    { label: "Customers", value: batch.customersAfter, testId: "customer-count" },
    { label: "With a full profile", value: batch.profiledAfter ?? 0, testId: "profiled-count" },
    { label: "Order lines", value: batch.ordersAfter ?? 0, testId: "order-count" },
  ];
  return (
    <Grid numItemsSm={3} className="gap-4">
      {cards.map((card) => (
        <Card key={card.label}>
          <Text>{card.label}</Text>
          <Metric data-testid={card.testId}>{formatCount(card.value, format)}</Metric>
        </Card>
      ))}
    </Grid>
  );
}
