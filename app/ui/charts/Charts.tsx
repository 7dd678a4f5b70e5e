"use client";

/** Tremor line and bar charts behind a serialisable interface, so server components can draw them. */
import { BarChart, LineChart } from "@tremor/react";
import { FORMATTERS, type FormatterName } from "./formatters";

interface ChartProps {
  data: Record<string, string | number | null>[];
  index: string;
  categories: string[];
  /** Tremor colour names, one per category. */
  colors: string[];
  format?: FormatterName;
  label: string;
  testId?: string;
  xAxisLabel?: string;
  yAxisLabel?: string;
  className?: string;
}

export function Line({ format = "decimal", label, testId, className = "h-64", ...props }: ChartProps & { autoMinValue?: boolean; minValue?: number; maxValue?: number }) {
  return (
    <figure aria-label={label} data-testid={testId}>
      <LineChart {...props} className={className} valueFormatter={FORMATTERS[format]} connectNulls yAxisWidth={56} />
    </figure>
  );
}

export function Bar({ format = "number", label, testId, className = "h-64", ...props }: ChartProps & { showLegend?: boolean; layout?: "vertical" | "horizontal" }) {
  return (
    <figure aria-label={label} data-testid={testId}>
      <BarChart {...props} className={className} valueFormatter={FORMATTERS[format]} yAxisWidth={props.layout === "vertical" ? 80 : 56} />
    </figure>
  );
}
