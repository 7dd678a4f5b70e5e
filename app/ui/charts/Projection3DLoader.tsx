"use client";

import dynamic from "next/dynamic";

export interface Projection3DSeries {
  name: string;
  /** The segment colour as hex (WebGL takes no Tailwind class). */
  hex: string;
  points: [number, number, number][];
}

// WebGL exists only in the browser: no server rendering, and three.js loads only when this view is shown.
const Projection3D = dynamic(() => import("./Projection3D"), {
  ssr: false,
  loading: () => <div aria-hidden className="h-[420px] animate-pulse rounded-tremor-default bg-tremor-background-subtle" />,
});

export function Projection3DLoader({ series }: { series: Projection3DSeries[] }) {
  return <Projection3D series={series} />;
}
