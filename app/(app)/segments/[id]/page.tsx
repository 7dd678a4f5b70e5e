import Link from "next/link";
import { notFound } from "next/navigation";
import { Text } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveSegment } from "@/lib/db/dashboard";
import { toSegmentView } from "@/lib/dashboard/segments";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { utc } from "@/app/ui/runs/format";
import { DistributionCharts } from "@/app/ui/segments/DistributionCharts";
import { SegmentCard } from "@/app/ui/segments/SegmentCard";

/** One persona of the active run, by its stable key; the lookup is a single indexed row, so no skeleton is needed before the 404 check. */
export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  const raw = (await params).id;
  const key = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const found = key === null ? null : await getActiveSegment(key);
  if (!found) notFound();
  const segment = toSegmentView(found.segment, readSummary(found.run.summary));
  return (
    <div className="space-y-6">
      <Link href="/segments" className="text-tremor-default text-tremor-brand underline">
        ← All segments
      </Link>
      <SegmentCard segment={segment} detailed />
      <Text>
        From run #{found.run.id}, trained {utc(found.run.finishedAt)} UTC.
      </Text>
      <DistributionCharts segment={segment} />
    </div>
  );
}
