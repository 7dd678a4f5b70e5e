"use client";

/** Tremor line and bar charts behind a serialisable interface, so server components can draw them. */
import { BarChart, LineChart } from "@tremor/react";
import { UNSET_MONEY_FORMAT, type MoneyFormat } from "@/lib/text/numberFormat";
import { FORMATTERS, type FormatterName } from "./formatters";

interface ChartProps {
  data: Record<string, string | number | null>[];
  index: string;
  categories: string[];
  /** Tremor colour names, one per category. */
  colors: string[];
  format?: FormatterName;
  /** The locale of every value, and the currency of "money" values. */
  moneyFormat?: MoneyFormat;
  label: string;
  testId?: string;
  xAxisLabel?: string;
  yAxisLabel?: string;
  className?: string;
}

export function Line({
  format = "decimal",
  moneyFormat = UNSET_MONEY_FORMAT,
  label,
  testId,
  className = "h-64",
  ...props
}: ChartProps & { autoMinValue?: boolean; minValue?: number; maxValue?: number }) {
  return (
    <figure aria-label={label} data-testid={testId}>
      <LineChart {...props} className={className} valueFormatter={(value: number) => FORMATTERS[format](value, moneyFormat)} connectNulls yAxisWidth={56} />
    </figure>
  );
}

export function Bar({
  format = "number",
  moneyFormat = UNSET_MONEY_FORMAT,
  label,
  testId,
  className = "h-64",
  ...props
}: ChartProps & { showLegend?: boolean; layout?: "vertical" | "horizontal" }) {
  return (
    <figure aria-label={label} data-testid={testId}>
      <BarChart
        {...props}
        className={className}
        valueFormatter={(value: number) => FORMATTERS[format](value, moneyFormat)}
        yAxisWidth={props.layout === "vertical" ? 80 : 56}
      />
    </figure>
  );
}
