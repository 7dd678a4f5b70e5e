import { Grid } from "@tremor/react";
import { getActiveRunDetails } from "@/lib/db/activeRun";
import { readMoneyFormat } from "@/lib/db/settings";
import { toSegmentView } from "@/lib/dashboard/segments";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { readRunJson } from "@/lib/runs/storedRun";
import { formatUtc } from "@/app/ui/runs/format";
import { NoActiveRun } from "@/app/ui/dashboard/States";
import { ComparisonTable } from "./ComparisonTable";
import { KCurvesCard } from "./KCurvesCard";
import { ProjectionCard } from "./ProjectionCard";
import { SegmentCard } from "./SegmentCard";
import { pluralise } from "@/lib/text/plural";
import { ExportAllSegmentsLink } from "./ExportSegmentLinks";

export async function SegmentsOverview() {
  const [run, moneyFormat] = await Promise.all([getActiveRunDetails(), readMoneyFormat()]);
  if (!run) return <NoActiveRun />;
  const summary = readSummary(run.summary);
  const segments = run.segments.map((segment) => toSegmentView(segment, summary));
  return (
    <div className="space-y-6">
      <p className="text-tremor-default text-tremor-content" data-testid="segments-run">
        {pluralise(segments.length, "segment")} from run #{run.id}, trained {formatUtc(run.finishedAt)} UTC on {pluralise(run.snapshotCount, "customer")}.
      </p>
      <ExportAllSegmentsLink />
      <Grid numItemsMd={2} className="gap-6">
        {segments.map((segment) => (
          <SegmentCard key={segment.key} segment={segment} moneyFormat={moneyFormat} />
        ))}
      </Grid>
      <ComparisonTable segments={segments} moneyFormat={moneyFormat} />
      <ProjectionCard segments={segments} sample={summary?.pcaSample} />
      <KCurvesCard segmentation={readRunJson(run).metrics?.segmentation} />
    </div>
  );
}
