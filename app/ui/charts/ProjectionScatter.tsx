"use client";

import { ScatterChart } from "@tremor/react";
import { colorHex } from "@/lib/dashboard/segmentColors";

export interface ProjectionSeries {
  name: string;
  color: string;
  /** [x, y] of each sampled customer. */
  points: [number, number][];
}

/** The first two principal components, one colour per segment (series order = colour order). */
export function ProjectionScatter({ series }: { series: ProjectionSeries[] }) {
  const data = series.flatMap((segment) => segment.points.map(([x, y]) => ({ segment: segment.name, "PC 1": x, "PC 2": y })));
  return (
    <figure aria-label="Customers on the first two principal components, coloured by segment" data-testid="projection-2d">
      {/* Recharts makes each of hundreds of points an unnamed image: the drawing is hidden from screen readers, and its legend is ours, outside it (Tremor's has a focusable div). */}
      <ul className="flex flex-wrap justify-end gap-x-4 gap-y-1 text-tremor-default text-tremor-content-emphasis" data-testid="projection-2d-legend">
        {series.map((segment) => (
          <li key={segment.name} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: colorHex(segment.color) }} />
            {segment.name}
          </li>
        ))}
      </ul>
      <div aria-hidden="true">
        <ScatterChart
          className="h-96"
          data={data}
          x="PC 1"
          y="PC 2"
          category="segment"
          colors={series.map((segment) => segment.color)}
          valueFormatter={{ x: (value) => value.toFixed(2), y: (value) => value.toFixed(2) }}
          yAxisLabel="Principal component 2"
          showOpacity
          autoMinXValue
          autoMinYValue
          animationDuration={0}
          showLegend={false}
        />
      </div>
      {/* Tremor draws an x-axis title 20 px below the axis, outside the chart's bottom margin, where it is cut off. */}
      <p className="text-center text-tremor-default font-medium text-tremor-content-emphasis" data-testid="projection-2d-x-title">
        Principal component 1
      </p>
    </figure>
  );
}
