import { Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { count, fixed, percent } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";

/** Lifetime value and the segment classifier (the models a run skipped are in CoverageCard). */
export function OtherModels({ metrics }: { metrics: StoredMetrics }) {
  const { clv, classifier } = metrics;
  return (
    <Card data-testid="other-models">
      <Title>Lifetime value</Title>
      {clv ? (
        <div className="mt-2 space-y-3">
          <Facts
            items={[
              [
                "Summary from",
                clv.coverage ? "order lines where a customer has them, profile fields otherwise" : clv.source === "orders" ? "order lines" : "profiles",
              ],
              ["BG/NBD r, α", `${fixed(clv.bgnbd.r)}, ${fixed(clv.bgnbd.alpha, 2)}`],
              ["BG/NBD a, b", `${fixed(clv.bgnbd.a, 2)}, ${fixed(clv.bgnbd.b, 2)}`],
              [
                "Gamma-Gamma p, q, γ",
                clv.gammaGamma ? `${fixed(clv.gammaGamma.p)}, ${fixed(clv.gammaGamma.q)}, ${fixed(clv.gammaGamma.gamma, 1)}` : "not fitted",
              ],
              ["Scored", count(clv.scored)],
              ["Excluded", count(clv.excluded)],
            ]}
          />
          <List>
            {clv.notes.map((note) => (
              <ListItem key={note} className="whitespace-normal">
                {note}
              </ListItem>
            ))}
          </List>
        </div>
      ) : (
        <Text className="mt-2">No lifetime-value model in this run.</Text>
      )}
      <Title className="mt-6">Segment classifier</Title>
      {classifier ? (
        <div className="mt-2">
          <Facts
            items={[
              ["Held-out accuracy", percent(classifier.heldOutAccuracy)],
              ["Epochs", count(classifier.epochs)],
              ["Training rows", count(classifier.rows)],
            ]}
          />
        </div>
      ) : (
        <Text className="mt-2">No classifier in this run: customers get their nearest segment without segment probabilities.</Text>
      )}
    </Card>
  );
}
