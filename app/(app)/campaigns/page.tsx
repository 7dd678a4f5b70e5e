import { Callout, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveRunView } from "@/lib/db/activeRun";
import { DEFAULT_ECONOMICS } from "@/lib/campaign/economics";
import { NoModelYet } from "@/app/ui/NoModelYet";
import { CampaignPlanner } from "@/app/ui/campaigns/CampaignPlanner";

export default async function CampaignsPage() {
  await requirePagePermission("viewDashboards");
  const run = await getActiveRunView();
  if (!run) return <NoModelYet title="Campaign planner" />;
  const targeting = run.summary?.targeting;
  return (
    <div className="space-y-6">
      <div>
        <Title>Campaign planner</Title>
        <Text>
          Choose whom to mail and see what it is expected to bring, from run #{run.id}&apos;s response probabilities. Defaults are the data&apos;s own figures: cost{" "}
          {DEFAULT_ECONOMICS.costPerContact} per contact, revenue {DEFAULT_ECONOMICS.revenuePerResponse} per response.
        </Text>
      </div>
      {targeting ? (
        <CampaignPlanner
          runId={run.id}
          aggregate={targeting}
          segments={run.segments}
          defaults={{ cost: DEFAULT_ECONOMICS.costPerContact, revenue: DEFAULT_ECONOMICS.revenuePerResponse }}
        />
      ) : (
        <Callout title="This run predates the planner" color="amber" data-testid="no-targeting">
          Run #{run.id} was trained before campaign targeting was stored with each run. An analyst can retrain on the admin page.
        </Callout>
      )}
    </div>
  );
}
