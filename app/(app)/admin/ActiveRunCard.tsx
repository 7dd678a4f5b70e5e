import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import type { getActiveRun } from "@/lib/db/runs";
import { keyMetrics, readRunJson } from "@/lib/services/retrain/stored";
import { activationReason } from "@/app/ui/runs/activationReasons";
import { utc } from "@/app/ui/runs/format";
import { count, fixed } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";

type ActiveRun = NonNullable<Awaited<ReturnType<typeof getActiveRun>>>;

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
  const key = keyMetrics(readRunJson(run));
  return (
    <Card decoration="left" decorationColor="blue" data-testid="active-run">
      <Title>
        Active run:{" "}
        <Link href={`/admin/runs/${run.id}`} className="text-tremor-brand underline">
          #{run.id}
        </Link>
      </Title>
      <Text>
        Active since {utc(run.activatedAt)} UTC: {activationReason(run.activationReason)}. Its scores are the ones users see.
      </Text>
      <div className="mt-4">
        <Facts
          items={[
            ["Trained (UTC)", utc(run.finishedAt)],
            ["Customers", count(run.snapshotCount)],
            ["Segments (k)", key.k ?? "—"],
            ["Silhouette", fixed(key.silhouette)],
            ["Response AUC", fixed(key.responseAuc)],
          ]}
        />
      </div>
    </Card>
  );
}
