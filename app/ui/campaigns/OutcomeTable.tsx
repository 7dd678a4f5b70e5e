import type { CampaignPlan } from "@/lib/campaign/plan";
import type { CampaignOutcome } from "@/lib/campaign/economics";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { count, percent } from "@/app/ui/runs/format";
import { money } from "@/app/ui/customers/format";

function cells(label: string, outcome: CampaignOutcome): React.ReactNode[] {
  return [label, count(outcome.contacts), outcome.expectedResponders.toFixed(1), money(outcome.cost), money(outcome.revenue), money(outcome.profit), outcome.roi === null ? "—" : percent(outcome.roi)];
}

export function OutcomeTable({ plan }: { plan: CampaignPlan }) {
  return (
    <RowsTable
      testId="campaign-outcomes"
      header={["Audience", "Contacts", "Expected responders", "Cost", "Revenue", "Profit", "ROI"]}
      rows={[
        { key: "audience", cells: cells("Your audience", plan.audience), className: "font-semibold" },
        { key: "random", cells: cells(plan.inChosenSegments ? "Random pick from the ticked segments, same size" : "Random pick, same size", plan.random) },
        { key: "everyone", cells: cells(plan.inChosenSegments ? "Everyone in the ticked segments" : "Everyone", plan.everyone) },
        { key: "best", cells: cells("Most profitable audience", plan.best), className: "bg-emerald-50" },
      ]}
    />
  );
}
