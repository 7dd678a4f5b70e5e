import { Card, Grid, Text, Title } from "@tremor/react";
import type { SegmentView } from "@/lib/dashboard/segments";
import type { Histogram } from "@/lib/services/retrain/segmentDistributions";
import type { Stored } from "@/lib/services/retrain/stored";
import { Bar } from "@/app/ui/charts/Charts";
import { RetrainToSee } from "@/app/ui/dashboard/States";
import { count } from "@/app/ui/runs/format";

/** Spend by category, channel mix and the age and income histograms, drawn in the segment's colour. */
export function DistributionCharts({ segment }: { segment: SegmentView }) {
  const distributions = segment.stats?.distributions;
  if (!distributions) return <RetrainToSee what="The distributions" />;
  const colors = [segment.color];
  return (
    <Grid numItemsMd={2} className="gap-6">
      <Card>
        <Title>Spend by category</Title>
        <Text>Average spend per customer in the data window.</Text>
        <Bar
          label="Average spend by product category"
          testId="spend-chart"
          data={distributions.spendByCategory.map((row) => ({ category: row.category, "Average spend": row.average }))}
          index="category"
          categories={["Average spend"]}
          colors={colors}
          showLegend={false}
        />
      </Card>
      <Card>
        <Title>Channel mix</Title>
        <Text>Share of the segment&apos;s purchases made on each channel.</Text>
        <Bar
          label="Share of purchases by channel"
          testId="channel-chart"
          data={distributions.channelMix.map((row) => ({ channel: row.channel, "Share of purchases": row.share }))}
          index="channel"
          categories={["Share of purchases"]}
          colors={colors}
          format="percent"
          showLegend={false}
        />
      </Card>
      <HistogramCard title="Age" unit="Customers by age at the snapshot date" histogram={distributions.age} colors={colors} testId="age-chart" />
      <HistogramCard title="Income" unit="Customers by yearly household income" histogram={distributions.income} colors={colors} testId="income-chart" />
    </Grid>
  );
}

function HistogramCard({ title, unit, histogram, colors, testId }: { title: string; unit: string; histogram: Stored<Histogram> | undefined; colors: string[]; testId: string }) {
  if (!histogram) return null;
  return (
    <Card>
      <Title>{title}</Title>
      <Text>
        {unit}
        {histogram.missing ? ` (${count(histogram.missing)} without a value)` : ""}.
      </Text>
      <Bar
        label={`${title} histogram`}
        testId={testId}
        data={histogram.bins.map((bin) => ({ bin: bin.label, Customers: bin.count }))}
        index="bin"
        categories={["Customers"]}
        colors={colors}
        showLegend={false}
      />
    </Card>
  );
}
