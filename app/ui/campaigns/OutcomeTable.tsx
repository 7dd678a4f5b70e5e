import type { CampaignPlan } from "@/lib/campaign/plan";
import type { CampaignOutcome } from "@/lib/campaign/economics";
import { RowsTable } from "@/app/ui/runs/RowsTable";
import { formatCount, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

function cellsOf(label: string, outcome: CampaignOutcome, format: MoneyFormat): React.ReactNode[] {
  return [
    label,
    formatCount(outcome.contacts, format),
    formatCount(outcome.expectedResponders, format, 1),
    formatMoney(outcome.cost, format),
    formatMoney(outcome.revenue, format),
    formatMoney(outcome.profit, format),
    formatPercent(outcome.roi, 1, format),
  ];
}

export function OutcomeTable({ plan, moneyFormat }: { plan: CampaignPlan; moneyFormat: MoneyFormat }) {
  const cells = (label: string, outcome: CampaignOutcome) => cellsOf(label, outcome, moneyFormat);
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
