import { Callout, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveRunView } from "@/lib/db/activeRun";
import { readMoneyFormat } from "@/lib/db/settings";
import { DEFAULT_ECONOMICS } from "@/lib/campaign/economics";
import { toCampaignView } from "@/lib/dashboard/storedCampaign";
import { NoModelYet } from "@/app/ui/NoModelYet";
import { CampaignPlanner } from "@/app/ui/campaigns/CampaignPlanner";
import { formatPrice } from "@/app/ui/campaigns/recommendedText";

export default async function CampaignsPage() {
  await requirePagePermission("viewDashboards");
  const [run, moneyFormat] = await Promise.all([getActiveRunView(), readMoneyFormat()]);
  if (!run) return <NoModelYet title="Campaign planner" />;
  const targeting = run.summary?.targeting;
  const recommended = toCampaignView(run.summary?.campaign);
  // The planner opens on the recommended campaign, so it starts from the economics that chose it.
  const economics = recommended?.economics ?? DEFAULT_ECONOMICS;
  return (
    <div className="space-y-6">
      <div>
        <Title>Campaign planner</Title>
        <Text>
          Choose whom to mail and see what it is expected to bring, from run #{run.id}&apos;s response probabilities. It opens on the run&apos;s recommended
          campaign, at cost {formatPrice(economics.costPerContact, moneyFormat)} per contact and revenue{" "}
          {formatPrice(economics.revenuePerResponse, moneyFormat)} per response.
        </Text>
      </div>
      {targeting ? (
        <CampaignPlanner
          runId={run.id}
          aggregate={targeting}
          segments={run.segments}
          recommended={recommended}
          defaults={{ cost: economics.costPerContact, revenue: economics.revenuePerResponse }}
          moneyFormat={moneyFormat}
        />
      ) : (
        <Callout title="This run predates the planner" color="amber" data-testid="no-targeting">
          Run #{run.id} was trained before campaign targeting was stored with each run. An analyst can retrain on the admin page.
        </Callout>
      )}
    </div>
  );
}
