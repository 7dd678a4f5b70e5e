import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import type { listRuns } from "@/lib/db/runs";
import { readKeyMetrics, readRunJson } from "@/lib/runs/storedRun";
import { formatRunDuration, formatUtc } from "@/app/ui/runs/format";
import { formatFixed } from "@/lib/text/numberFormat";
import { ActiveBadge, DecisionBadge, DriftFlag, RunStatusBadge, ScoresRemovedBadge } from "@/app/ui/runs/RunBadges";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

const HEADER = ["Run", "Status", "Trigger · by", "Started (UTC)", "Duration", "k", "Silhouette", "Response AUC", "Drift", "Decision"];

export function RunHistory({ runs, activeRunId }: { runs: RunRow[]; activeRunId: number | null }) {
  return (
    <Card>
      <Title>Run history</Title>
      <Text>The latest {runs.length === 1 ? "run" : `${runs.length} runs`}, newest first. Open a run for its metrics, drift and segments.</Text>
      <div className="mt-2">
        <RowsTable
          testId="run-history"
          dense
          header={HEADER}
          rows={runs.map((run) => {
            const key = readKeyMetrics(readRunJson(run));
            return {
              key: run.id,
              cells: [
                <Link key="id" href={`/admin/runs/${run.id}`} className="text-tremor-brand underline">
                  #{run.id}
                </Link>,
                <span key="status" className="flex gap-1">
                  <RunStatusBadge status={run.status} />
                  {run.id === activeRunId && <ActiveBadge />}
                  {run.scoresRemovedAt && <ScoresRemovedBadge />}
                </span>,
                // An e-mail has no break points: let it wrap rather than run into the next column.
                <span key="trigger" className="[overflow-wrap:anywhere]">
                  {run.requestedBy ? `${run.trigger.toLowerCase()} · ${run.requestedBy.email}` : run.trigger.toLowerCase()}
                </span>,
                <span key="started" className="whitespace-nowrap">
                  {formatUtc(run.startedAt ?? run.createdAt)}
                </span>,
                <span key="duration" className="whitespace-nowrap">
                  {formatRunDuration(run)}
                </span>,
                key.k ?? "—",
                formatFixed(key.silhouette),
                formatFixed(key.responseAuc),
                <DriftFlag key="drift" drift={key.drift} />,
                <DecisionBadge key="decision" promote={key.promote} review={key.review} />,
              ],
            };
          })}
        />
      </div>
    </Card>
  );
}
