import { Card, Text, Title } from "@tremor/react";
import { getMoneyFormat } from "@/lib/db/settings";
import { formatUtc } from "@/app/ui/runs/format";
import { MoneyFormatForm } from "./MoneyFormatForm";

/** For administrators: the currency and number format of every money figure and export header. */
export async function MoneyFormatCard() {
  const { updatedAt, ...format } = await getMoneyFormat();
  return (
    <Card data-testid="money-format-card">
      <Title>Money and numbers</Title>
      <Text>
        The currency every money figure carries (revenue, spend, CLV, campaign cost and profit) and the locale that groups all numbers. Export files keep plain
        numbers; their money columns name the currency in the header.{" "}
        {format.currency ? (
          `Last changed ${formatUtc(updatedAt)} UTC.`
        ) : (
          <strong data-testid="money-format-unset">
            The currency is not set: money shows as plain numbers{updatedAt ? ` (since ${formatUtc(updatedAt)} UTC)` : ""}.
          </strong>
        )}
      </Text>
      <MoneyFormatForm format={format} />
    </Card>
  );
}
