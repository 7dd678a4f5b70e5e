import { Card, List, ListItem, Text, Title } from "@tremor/react";
import type { GateDecision } from "@/lib/ml/promotion";
import type { ActivationOption } from "@/lib/services/retrain/activation";
import { DecisionBadge } from "@/app/ui/runs/RunBadges";
import { ActivateRunForm } from "./ActivateRunForm";

export function DecisionCard({ runId, decision, option }: { runId: number; decision: GateDecision | null; option: ActivationOption | null }) {
  return (
    <Card data-testid="decision">
      <Title>
        Promotion decision <DecisionBadge promote={decision?.promote ?? null} />
      </Title>
      {decision ? (
        <List className="mt-2">
          {decision.reasons.map((reason) => (
            <ListItem key={reason}>{reason}</ListItem>
          ))}
        </List>
      ) : (
        <Text className="mt-2">The run did not get as far as the promotion gate.</Text>
      )}
      {option && (
        <>
          <Text className="mt-4">
            {option.reason === "rollback"
              ? "Roll back: users will see this earlier run's segments and scores again instead of the active run's."
              : decision?.promote === false
                ? "Make this run active by hand, overriding the promotion gate's decision."
                : "Make this run active again: users will see its segments and scores instead of the active run's."}
          </Text>
          <ActivateRunForm runId={runId} label={option.label} />
        </>
      )}
    </Card>
  );
}
