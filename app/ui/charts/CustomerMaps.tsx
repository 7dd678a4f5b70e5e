"use client";

/**
 * The customer map in 2-D (Tremor scatter) and 3-D (three.js), from one copy of the sampled
 * points: they travel to the browser once, as flat x, y, z triples, to keep the page light.
 */
import { useMemo } from "react";
import { Card, Text, Title } from "@tremor/react";
import { ProjectionScatter } from "./ProjectionScatter";
import { Projection3DLoader } from "./Projection3DLoader";

export interface MapSeries {
  name: string;
  /** Tremor colour name, for the scatter. */
  color: string;
  /** The same colour as hex, for WebGL. */
  hex: string;
  /** x, y, z of each sampled customer, one after another. */
  xyz: number[];
}

const triples = (xyz: number[]) => Array.from({ length: xyz.length / 3 }, (_, i) => [xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]] as [number, number, number]);

export function CustomerMaps({ series, sampleNote }: { series: MapSeries[]; sampleNote: string }) {
  const points = useMemo(() => series.map((segment) => ({ ...segment, points: triples(segment.xyz) })), [series]);
  return (
    <>
      <Card>
        <Title>Customer map</Title>
        <p className="text-tremor-default text-tremor-content" data-testid="projection-sample">
          {sampleNote}
        </p>
        <div className="mt-4">
          <ProjectionScatter series={points.map((segment) => ({ name: segment.name, color: segment.color, points: segment.points.map(([x, y]) => [x, y]) }))} />
        </div>
      </Card>
      <Card>
        <Title>Customer map in 3-D</Title>
        <Text>The same customers on the first three principal components.</Text>
        <ul className="mt-2 flex flex-wrap gap-4 text-tremor-label text-tremor-content" aria-label="Segment colours">
          {points.map((segment) => (
            <li key={segment.name} className="flex items-center gap-1">
              <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: segment.hex }} />
              {segment.name}
            </li>
          ))}
        </ul>
        <div className="mt-2">
          <Projection3DLoader series={points.map((segment) => ({ name: segment.name, hex: segment.hex, points: segment.points }))} />
        </div>
      </Card>
    </>
  );
}
