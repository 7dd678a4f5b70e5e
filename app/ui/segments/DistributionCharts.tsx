import { Card, Grid, Text, Title } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import type { Histogram } from "@/lib/runs/segmentDistributions";
import type { Stored } from "@/lib/runs/storedRun";
import { Bar } from "@/app/ui/charts/Charts";
import { RetrainToSee } from "@/app/ui/dashboard/States";
import { formatCount, type MoneyFormat } from "@/lib/text/numberFormat";

/**
 * Spend by category, channel mix and the age and income histograms, drawn in the segment's
 * colour. A chart the data cannot fill is a one-line note instead: an empty or all-zero bar
 * chart draws NaN-sized bars.
 */
export function DistributionCharts({ segment, moneyFormat }: { segment: SegmentView; moneyFormat: MoneyFormat }) {
  const distributions = segment.stats?.distributions;
  if (!distributions) return <RetrainToSee what="The distributions" />;
  const colors = [segment.color];
  const spend = distributions.spendByCategory.flatMap((row) => (row.average === null ? [] : [{ category: row.category, "Average spend": row.average }]));
  const channels = distributions.channelMix.flatMap((row) => (row.share === null ? [] : [{ channel: row.channel, "Share of purchases": row.share }]));
  return (
    <Grid numItemsMd={2} className="gap-6">
      <Card>
        <Title>Spend by category</Title>
        <Text>Average spend per customer in the data window, from order lines where a customer has them and profile totals otherwise.</Text>
        {hasBars(spend.map((row) => row["Average spend"])) ? (
          <Bar
            label="Average spend by product category"
            testId="spend-chart"
            data={spend}
            index="category"
            categories={["Average spend"]}
            colors={colors}
            format="money"
            moneyFormat={moneyFormat}
            showLegend={false}
          />
        ) : (
          <NoData what="spend by product category" testId="spend-chart-none" />
        )}
      </Card>
      <Card>
        <Title>Channel mix</Title>
        <Text>Share of the segment&apos;s purchases made on each channel.</Text>
        {hasBars(channels.map((row) => row["Share of purchases"])) ? (
          <Bar
            label="Share of purchases by channel"
            testId="channel-chart"
            data={channels}
            index="channel"
            categories={["Share of purchases"]}
            colors={colors}
            format="percent"
            moneyFormat={moneyFormat}
            showLegend={false}
          />
        ) : (
          <NoData what="purchases by channel" testId="channel-chart-none" />
        )}
      </Card>
      <HistogramCard
        title="Age"
        what="age"
        unit="Customers by age at the snapshot date"
        histogram={distributions.age}
        colors={colors}
        testId="age-chart"
        moneyFormat={moneyFormat}
      />
      <HistogramCard
        title="Income"
        what="income"
        unit="Customers by yearly household income"
        histogram={distributions.income}
        colors={colors}
        testId="income-chart"
        moneyFormat={moneyFormat}
      />
    </Grid>
  );
}

/** At least one bar with a height: all-null or all-zero data leaves the chart's scale undefined. */
function hasBars(values: (number | null)[]): boolean {
  return values.some((value) => typeof value === "number" && Number.isFinite(value) && value !== 0);
}

function NoData({ what, testId }: { what: string; testId: string }) {
  return (
    <Text className="mt-4" data-testid={testId}>
      This data has no {what} for these customers.
    </Text>
  );
}

interface HistogramProps {
  title: string;
  what: string;
  unit: string;
  histogram: Stored<Histogram> | undefined;
  colors: string[];
  testId: string;
  moneyFormat: MoneyFormat;
}

function HistogramCard({ title, what, unit, histogram, colors, testId, moneyFormat }: HistogramProps) {
  if (!histogram) return null;
  const bins = histogram.bins.map((bin) => ({ bin: bin.label, Customers: bin.count ?? 0 }));
  const drawn = hasBars(bins.map((bin) => bin.Customers));
  return (
    <Card>
      <Title>{title}</Title>
      {drawn ? (
        <>
          <Text>
            {unit}
            {histogram.missing ? ` (${formatCount(histogram.missing, moneyFormat)} without a value)` : ""}.
          </Text>
          <Bar
            label={`${title} histogram`}
            testId={testId}
            data={bins}
            index="bin"
            categories={["Customers"]}
            colors={colors}
            moneyFormat={moneyFormat}
            showLegend={false}
          />
        </>
      ) : (
        <NoData what={what} testId={`${testId}-none`} />
      )}
    </Card>
  );
}
