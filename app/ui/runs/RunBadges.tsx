import { Badge, type Color } from "@tremor/react";
import type { KeyMetrics } from "@/lib/runs/storedRun";

const STATUS_COLORS: Record<string, Color> = { QUEUED: "gray", RUNNING: "blue", SUCCEEDED: "emerald", REJECTED: "amber", FAILED: "rose" };

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? "gray"} data-testid="run-status">
      {status.toLowerCase()}
    </Badge>
  );
}

export function ActiveBadge() {
  return (
    <Badge color="blue" data-testid="active-badge">
      active
    </Badge>
  );
}

/** A run whose per-customer scores retention removed (lib/db/scoreRetention.ts): nothing to roll back to. */
export function ScoresRemovedBadge() {
  return (
    <Badge color="gray" data-testid="scores-removed-badge" tooltip="Its per-customer scores were removed under the score retention">
      scores removed
    </Badge>
  );
}

/** A run held for review is not promoted either, but for a change to look at rather than a rule it failed. */
export function DecisionBadge({ promote, review = false }: { promote: boolean | null; review?: boolean }) {
  if (promote === null) return <>—</>;
  if (review) return <Badge color="violet">held for review</Badge>;
  return <Badge color={promote ? "emerald" : "amber"}>{promote ? "promote" : "reject"}</Badge>;
}

/** Dataset drift, or how many features drifted; "—" when there was no earlier run to compare with. */
export function DriftFlag({ drift }: { drift: KeyMetrics["drift"] }) {
  if (!drift) return <>—</>;
  if (drift.datasetDrift) return <Badge color="rose">dataset drift</Badge>;
  if (drift.driftedFeatures > 0) return <Badge color="amber">{`${drift.driftedFeatures} feature${drift.driftedFeatures === 1 ? "" : "s"}`}</Badge>;
  return <Badge color="emerald">none</Badge>;
}

export const SEVERITY_COLORS: Record<string, Color> = { none: "emerald", moderate: "amber", significant: "rose" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge color={SEVERITY_COLORS[severity] ?? "gray"}>{severity}</Badge>;
}
