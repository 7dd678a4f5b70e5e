import Link from "next/link";
import { notFound } from "next/navigation";
import { Text } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { readMoneyFormat } from "@/lib/db/settings";
import { toSegmentView } from "@/lib/dashboard/segments";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { formatUtc } from "@/app/ui/runs/format";
import { DistributionCharts } from "@/app/ui/segments/DistributionCharts";
import { SegmentCard } from "@/app/ui/segments/SegmentCard";
import { findSegment } from "./findSegment";

/** One persona of the active run, by its stable key; layout.tsx has already answered 404 for an unknown one. */
export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  const [found, moneyFormat] = await Promise.all([findSegment((await params).id), readMoneyFormat()]);
  if (!found) notFound();
  const segment = toSegmentView(found.segment, readSummary(found.run.summary));
  return (
    <div className="space-y-6">
      <Link href="/segments" className="text-tremor-default text-tremor-brand underline">
        ← All segments
      </Link>
      <SegmentCard segment={segment} moneyFormat={moneyFormat} detailed />
      <Text>
        From run #{found.run.id}, trained {formatUtc(found.run.finishedAt)} UTC.
      </Text>
      <DistributionCharts segment={segment} moneyFormat={moneyFormat} />
    </div>
  );
}
