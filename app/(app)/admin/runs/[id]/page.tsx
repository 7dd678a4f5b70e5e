import { notFound } from "next/navigation";
import Link from "next/link";
import { Callout } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveActivation } from "@/lib/db/activeRun";
import { readMoneyFormat } from "@/lib/db/settings";
import { findActivationOption } from "@/lib/services/retrain/activation";
import { readAttributeFeatures, readRunJson } from "@/lib/runs/storedRun";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { ClvBacktestCard } from "./ClvBacktestCard";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";
import { RecommendedCampaign } from "@/app/ui/campaigns/RecommendedCampaign";
import { KCurvesCard } from "@/app/ui/segments/KCurvesCard";
import { CoverageCard } from "./CoverageCard";
import { DecisionCard } from "./DecisionCard";
import { DriftCard } from "./DriftCard";
import { OtherModels } from "./OtherModels";
import { ResponseMetrics } from "./ResponseMetrics";
import { RunHeader } from "./RunHeader";
import { RunLogCard } from "./RunLogCard";
import { SegmentationMetrics } from "./SegmentationMetrics";
import { SegmentsCard } from "./SegmentsCard";
import { StabilityCard } from "./StabilityCard";
import { TimingsCard } from "./TimingsCard";
import { findRun } from "./findRun";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("retrain");
  const [run, active] = await Promise.all([findRun((await params).id), getActiveActivation()]);
  if (!run) notFound();
  const json = readRunJson(run);
  const isActive = active?.runId === run.id;
  const moneyFormat = await readMoneyFormat();
  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-tremor-default text-tremor-brand underline">
        ← All runs
      </Link>
      <RunHeader run={run} activeSince={isActive ? { at: active.activatedAt, reason: active.reason } : null} />
      {run.error && (
        <Callout title="Why the run failed" color="rose" data-testid="run-error">
          {run.error}
        </Callout>
      )}
      <DecisionCard runId={run.id} decision={json.decision} option={findActivationOption(run, active?.runId ?? null)} scoresRemovedAt={run.scoresRemovedAt} />
      {(run.status === "SUCCEEDED" || run.status === "REJECTED") && (
        <CoverageCard skipped={json.metrics?.skipped} summary={readSummary(run.summary)} segments={run.segments} />
      )}
      {(run.status === "SUCCEEDED" || run.status === "REJECTED") && (
        <RecommendedCampaign campaign={toCampaignView(readSummary(run.summary)?.campaign)} segments={run.segments} moneyFormat={moneyFormat} />
      )}
      {json.metrics && (
        <>
          <SegmentationMetrics segmentation={json.metrics.segmentation} attributes={readAttributeFeatures(run.config)} />
          <KCurvesCard segmentation={json.metrics.segmentation} />
          <ResponseMetrics response={json.metrics.response} moneyFormat={moneyFormat} />
          <OtherModels metrics={json.metrics} />
          <ClvBacktestCard clv={json.metrics.clv} moneyFormat={moneyFormat} />
        </>
      )}
      {(run.status === "SUCCEEDED" || run.status === "REJECTED") && (
        <>
          <DriftCard drift={json.drift} />
          <StabilityCard stability={json.stability} />
          <SegmentsCard segments={run.segments} />
        </>
      )}
      <TimingsCard timings={json.timings} />
      <RunLogCard log={run.log} status={run.status} />
    </div>
  );
}
