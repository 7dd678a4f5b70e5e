import type { SegmentView } from "@/lib/dashboard/segments";
import type { StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { toColorHex } from "@/lib/dashboard/segmentColors";
import { CustomerMaps } from "@/app/ui/charts/CustomerMaps";
import { formatCount } from "@/lib/text/numberFormat";
import { RetrainToSee } from "@/app/ui/dashboard/States";
import { pluralise } from "@/lib/text/plural";

/** The stored sample of customers on the principal components, in 2-D and in a 3-D view. */
export function ProjectionCard({ segments, sample }: { segments: SegmentView[]; sample: StoredRunSummary["pcaSample"] }) {
  if (!sample) return <RetrainToSee what="The customer map" />;
  const series = segments.map((segment) => ({
    name: segment.name,
    color: segment.color,
    hex: toColorHex(segment.color),
    xyz: sample.points.filter((point) => point[3] === segment.key).flatMap((point) => [point[0] ?? 0, point[1] ?? 0, point[2] ?? 0]),
  }));
  const note =
    `A seeded sample of ${formatCount(sample.points.length)} of ${pluralise(sample.population, "customer")}, every segment in proportion to its size, placed on the ` +
    "first two principal components of their features: customers close together buy alike.";
  return <CustomerMaps series={series} sampleNote={note} />;
}
