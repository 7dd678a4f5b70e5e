import { Text, Title } from "@tremor/react";
import type { getRun } from "@/lib/db/runs";
import { explainActivationReason } from "@/app/ui/runs/activationReasons";
import { describeRequester, formatRunDuration, formatUtc } from "@/app/ui/runs/format";
import { formatCount } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";
import { ActiveBadge, RunStatusBadge } from "@/app/ui/runs/RunBadges";

type Run = NonNullable<Awaited<ReturnType<typeof getRun>>>;

export function RunHeader({ run, activeSince }: { run: Run; activeSince: { at: Date; reason: string } | null }) {
  return (
    <div className="space-y-4">
      <div>
        <Title>
          Run #{run.id} <RunStatusBadge status={run.status} /> {activeSince && <ActiveBadge />}
        </Title>
        <Text>
          {activeSince
            ? `The active run since ${formatUtc(activeSince.at)} UTC (${explainActivationReason(activeSince.reason)}): users see its segments and scores.`
            : "Not the active run: users do not see its scores."}
          {run.status === "RUNNING" || run.status === "QUEUED" ? ` Now: ${run.stage ?? "starting"}, ${Math.round(run.progress * 100)}%.` : ""}
        </Text>
      </div>
      <Facts
        testId="run-facts"
        items={[
          ["Trigger", run.trigger.toLowerCase()],
          ["Requested by", describeRequester(run)],
          ["Started (UTC)", formatUtc(run.startedAt ?? run.createdAt)],
          ["Finished (UTC)", formatUtc(run.finishedAt)],
          ["Duration", formatRunDuration(run)],
          ["Customers", formatCount(run.snapshotCount)],
        ]}
      />
    </div>
  );
}
