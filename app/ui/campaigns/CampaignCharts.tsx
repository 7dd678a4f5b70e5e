"use client";

import { AreaChart, Card, LineChart, Text, Title } from "@tremor/react";
import type { CampaignPlan } from "@/lib/campaign/plan";
import { formatCount, formatFixed, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

export function CampaignCharts({ plan, moneyFormat }: { plan: CampaignPlan; moneyFormat: MoneyFormat }) {
  const pct = (value: number) => formatPercent(value / 100, 0, moneyFormat);
  const gains = plan.gains.map((point) => ({
    contacted: pct(point.contacted * 100),
    Model: point.gain * 100,
    Random: point.contacted * 100,
  }));
  const lift = plan.gains.filter((point) => point.lift !== null).map((point) => ({ contacted: pct(point.contacted * 100), Lift: point.lift! }));
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <Card data-testid="gains-chart">
        <Title>Cumulative gains</Title>
        <Text>Share of expected responders reached by contacting the most likely share of the audience.</Text>
        <LineChart
          className="mt-4 h-56"
          data={gains}
          index="contacted"
          categories={["Model", "Random"]}
          colors={["blue", "gray"]}
          valueFormatter={pct}
          yAxisWidth={44}
        />
      </Card>
      <Card data-testid="lift-chart">
        <Title>Lift</Title>
        <Text>How many times better than a random pick of the same size.</Text>
        <LineChart
          className="mt-4 h-56"
          data={lift}
          index="contacted"
          categories={["Lift"]}
          colors={["indigo"]}
          valueFormatter={(value) => formatFixed(value, 2, moneyFormat)}
          yAxisWidth={44}
        />
      </Card>
      <Card data-testid="profit-chart">
        <Title>Profit by audience size</Title>
        <Text>Best at {formatCount(plan.best.contacts, moneyFormat)} contacts.</Text>
        <AreaChart
          className="mt-4 h-56"
          data={plan.profitCurve.map((point) => ({ contacts: formatCount(point.contacts, moneyFormat), Profit: point.profit }))}
          index="contacts"
          categories={["Profit"]}
          colors={["emerald"]}
          valueFormatter={(value) => formatMoney(value, moneyFormat)}
          yAxisWidth={64}
        />
      </Card>
    </div>
  );
}
