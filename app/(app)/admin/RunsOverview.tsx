import { Card, Text, Title } from "@tremor/react";
import { getActiveRunCard, listActivations } from "@/lib/db/activeRun";
import { listRuns } from "@/lib/db/runs";
import { ActivationHistory } from "./ActivationHistory";
import { ActiveRunCard } from "./ActiveRunCard";
import { RunHistory } from "./RunHistory";

export async function RunsOverview() {
  const [runs, active, activations] = await Promise.all([listRuns(), getActiveRunCard(), listActivations()]);
  if (runs.length === 0) {
    return (
      <Card data-testid="no-runs">
        <Title>Runs</Title>
        <Text>No model trained yet — start one with Retrain now.</Text>
      </Card>
    );
  }
  return (
    <>
      <ActiveRunCard run={active} />
      <RunHistory runs={runs} activeRunId={active?.id ?? null} />
      <ActivationHistory activations={activations} />
    </>
  );
}
