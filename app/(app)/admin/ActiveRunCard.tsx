import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import type { getActiveRunCard } from "@/lib/db/activeRun";
import { readKeyMetrics, readRunJson } from "@/lib/runs/storedRun";
import { explainActivationReason } from "@/app/ui/runs/activationReasons";
import { formatUtc } from "@/app/ui/runs/format";
import { formatCount, formatFixed } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";

type ActiveRun = NonNullable<Awaited<ReturnType<typeof getActiveRunCard>>>;

export function ActiveRunCard({ run }: { run: ActiveRun | null }) {
  if (!run) {
    return (
      <Card decoration="left" decorationColor="amber">
        <Title>No active run</Title>
        <Text>
          No run is active yet, so users see no segments or scores. A run becomes active when it passes the promotion gate, or by hand from a rejected
          run&apos;s page.
        </Text>
      </Card>
    );
  }
  const key = readKeyMetrics(readRunJson(run));
  return (
    <Card decoration="left" decorationColor="blue" data-testid="active-run">
      <Title>
        Active run:{" "}
        <Link href={`/admin/runs/${run.id}`} className="text-tremor-brand underline">
          #{run.id}
        </Link>
      </Title>
      <Text>
        Active since {formatUtc(run.activatedAt)} UTC: {explainActivationReason(run.activationReason)}. Its scores are the ones users see.
      </Text>
      <div className="mt-4">
        <Facts
          items={[
            ["Trained (UTC)", formatUtc(run.finishedAt)],
            ["Customers", formatCount(run.snapshotCount)],
            ["Segments (k)", key.k ?? "—"],
            ["Silhouette", formatFixed(key.silhouette)],
            ["Response AUC", formatFixed(key.responseAuc)],
          ]}
        />
      </div>
    </Card>
  );
}
