import { Badge, type Color } from "@tremor/react";
import type { GateOutcome, GateRule } from "@/lib/ml/promotion";
import { RowsTable } from "@/app/ui/runs/RowsTable";

const OUTCOME_COLORS: Record<GateOutcome, Color> = { passed: "emerald", failed: "rose", "held for review": "violet", "not applicable": "gray" };

/** Every rule the promotion gate weighed: what it asks, its threshold, both runs' values and what came of it. */
export function GateRules({ rules }: { rules: GateRule[] }) {
  return (
    <RowsTable
      testId="gate-rules"
      dense
      header={["Rule", "Threshold", "This run", "Active run", "Outcome"]}
      rows={rules.map((rule) => ({
        key: rule.rule,
        cells: [
          <div key="rule">
            <p className="font-medium text-tremor-content-emphasis">{rule.rule}</p>
            <p className="text-tremor-label">{rule.description}</p>
          </div>,
          rule.threshold,
          rule.candidate ?? "—",
          rule.active ?? "—",
          <div key="outcome" data-testid={`gate-outcome-${rule.rule}`}>
            <Badge color={OUTCOME_COLORS[rule.outcome] ?? "gray"}>{rule.outcome}</Badge>
            {rule.detail && <p className="mt-1 text-tremor-label">{rule.detail}</p>}
          </div>,
        ],
      }))}
    />
  );
}
