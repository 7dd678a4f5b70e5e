import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import type { listActivations } from "@/lib/db/activeRun";
import { explainActivationReason } from "@/app/ui/runs/activationReasons";
import { formatUtc } from "@/app/ui/runs/format";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type Activation = Awaited<ReturnType<typeof listActivations>>[number];

/** Which run's scores users saw when: each activation holds until the next one. */
export function ActivationHistory({ activations }: { activations: Activation[] }) {
  return (
    <Card>
      <Title>Activation history</Title>
      <Text>Which model produced the scores shown on a given date: the row whose period contains it.</Text>
      {activations.length === 0 ? (
        <Text className="mt-2">No run has been active yet.</Text>
      ) : (
        <div className="mt-2">
          <RowsTable
            testId="activation-history"
            header={["Run", "Active from (UTC)", "Until (UTC)", "Why", "By"]}
            rows={activations.map((activation, i) => ({
              key: activation.id,
              cells: [
                <Link key="run" href={`/admin/runs/${activation.runId}`} className="text-tremor-brand underline">
                  #{activation.runId}
                </Link>,
                formatUtc(activation.activatedAt),
                i === 0 ? "now" : formatUtc(activations[i - 1].activatedAt),
                <ActivationWhy key="why" reason={activation.reason} note={activation.note} byHand={activation.activatedById !== null} />,
                activation.activatedBy ?? "promotion gate",
              ],
            }))}
          />
        </div>
      )}
    </Card>
  );
}

/** The kind of activation and, for one by hand, the reason typed (activations before notes were kept have none). */
function ActivationWhy({ reason, note, byHand }: { reason: string; note: string | null; byHand: boolean }) {
  return (
    <span>
      {explainActivationReason(reason)}
      {byHand && <span className="block text-tremor-content">{note ? `“${note}”` : "no reason recorded"}</span>}
    </span>
  );
}
