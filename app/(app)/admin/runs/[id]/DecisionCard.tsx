import { Callout, Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredDecision } from "@/lib/runs/storedRun";
import type { ActivationOption } from "@/lib/services/retrain/activation";
import { DecisionBadge } from "@/app/ui/runs/RunBadges";
import { formatUtc } from "@/app/ui/runs/format";
import { ActivateRunForm } from "./ActivateRunForm";
import { GateRules } from "./GateRules";

/** The promotion gate's decision, its reasons and, for runs decided since the gate listed them, every rule it weighed. */
export function DecisionCard({
  runId,
  decision,
  option,
  scoresRemovedAt,
}: {
  runId: number;
  decision: StoredDecision | null;
  option: ActivationOption | null;
  scoresRemovedAt: Date | null;
}) {
  return (
    <Card data-testid="decision">
      <Title>
        Promotion gate <DecisionBadge promote={decision?.promote ?? null} review={decision?.review === true} />
      </Title>
      {decision ? (
        <>
          {decision.review && (
            <Text className="mt-2">
              Held for review: no rule failed, but the run changes more than the gate lets through unseen. Check the reasons below before making it active by
              hand.
            </Text>
          )}
          <List className="mt-2">
            {decision.reasons.map((reason) => (
              <ListItem key={reason}>{reason}</ListItem>
            ))}
          </List>
          {decision.rules ? (
            <div className="mt-4">
              <GateRules rules={decision.rules} />
            </div>
          ) : (
            <Text className="mt-2">This run was decided before the gate listed its rules; the reasons above are all it recorded.</Text>
          )}
        </>
      ) : (
        <Text className="mt-2">The run did not get as far as the promotion gate.</Text>
      )}
      {scoresRemovedAt && (
        <Callout className="mt-4" title="Scores removed" color="gray" data-testid="scores-removed">
          This run&apos;s per-customer scores were removed on {formatUtc(scoresRemovedAt)} UTC under the score retention (the newest runs and the active one
          keep theirs), so it can no longer be made active. Its metrics, segments and models stay.
        </Callout>
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
