import { Grid } from "@tremor/react";
import { getDashboardRuns } from "@/lib/db/activeRun";
import { readMoneyFormat } from "@/lib/db/settings";
import { readSummary } from "@/lib/dashboard/storedSummary";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";
import { readRunJson } from "@/lib/runs/storedRun";
import { formatUtc } from "@/app/ui/runs/format";
import { NoActiveRun, RetrainToSee } from "@/app/ui/dashboard/States";
import { ClvBacktestSummary } from "./ClvBacktestSummary";
import { RecommendedCampaign } from "@/app/ui/campaigns/RecommendedCampaign";
import { KpiCard } from "./KpiCard";
import { computeExecutiveKpis } from "./kpis";
import { QualityCard } from "./QualityCard";

/** KPI cards of the active run, with the change since the run active before it, and the model-quality badge. */
export async function ExecutiveKpis() {
  const [runs, moneyFormat] = await Promise.all([getDashboardRuns(), readMoneyFormat()]);
  if (!runs) return <NoActiveRun />;
  const summary = readSummary(runs.run.summary);
  const previous = runs.previous ? readSummary(runs.previous.summary) : null;
  return (
    <div className="space-y-6">
      <p className="text-tremor-default text-tremor-content" data-testid="kpi-run">
        Active run #{runs.run.id}, trained {formatUtc(runs.run.finishedAt)} UTC.{" "}
        {runs.previous
          ? `Changes are since run #${runs.previous.id}, the run active before it.`
          : "No run was active before it, so there are no changes to show."}
      </p>
      {summary ? (
        <Grid numItemsSm={2} numItemsLg={4} className="gap-4">
          {computeExecutiveKpis(summary, previous, moneyFormat).map((kpi) => (
            <KpiCard key={kpi.id} kpi={kpi} previousRunId={runs.previous?.id ?? null} />
          ))}
        </Grid>
      ) : (
        <RetrainToSee what="The KPI summary" />
      )}
      {summary && <RecommendedCampaign campaign={toCampaignView(summary.campaign)} segments={runs.run.segments} moneyFormat={moneyFormat} />}
      <QualityCard metrics={readRunJson(runs.run).metrics} />
      <ClvBacktestSummary metrics={readRunJson(runs.run).metrics} />
    </div>
  );
}
