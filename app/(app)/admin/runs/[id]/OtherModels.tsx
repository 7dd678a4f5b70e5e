import { Card, List, ListItem, Text, Title } from "@tremor/react";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { formatCount, formatFixed, formatPercent } from "@/lib/text/numberFormat";
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
              ["BG/NBD r, α", `${formatFixed(clv.bgnbd.r)}, ${formatFixed(clv.bgnbd.alpha, 2)}`],
              ["BG/NBD a, b", `${formatFixed(clv.bgnbd.a, 2)}, ${formatFixed(clv.bgnbd.b, 2)}`],
              [
                "Gamma-Gamma p, q, γ",
                clv.gammaGamma ? `${formatFixed(clv.gammaGamma.p)}, ${formatFixed(clv.gammaGamma.q)}, ${formatFixed(clv.gammaGamma.gamma, 1)}` : "not fitted",
              ],
              ["Scored", formatCount(clv.scored)],
              ["Excluded", formatCount(clv.excluded)],
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
              ["Held-out accuracy", formatPercent(classifier.heldOutAccuracy)],
              ["Epochs", formatCount(classifier.epochs)],
              ["Training rows", formatCount(classifier.rows)],
              ...(classifier.testRows == null ? [] : [["Held-out rows", formatCount(classifier.testRows)] as [string, string]]),
            ]}
          />
          {isSampled(classifier) && (
            <Text className="mt-2" data-testid="classifier-sample">
              Trained on a seeded sample stratified by segment: {formatCount(classifier.rows ?? 0)} customers of {formatCount(classifier.customers ?? 0)}, with{" "}
              {formatCount(classifier.validationRows ?? 0)} more to stop training early and the accuracy measured on {formatCount(classifier.testRows ?? 0)} it
              never saw.
            </Text>
          )}
        </div>
      ) : (
        <Text className="mt-2">No classifier in this run: customers get their nearest segment without segment probabilities.</Text>
      )}
    </Card>
  );
}

type StoredClassifier = NonNullable<StoredMetrics["classifier"]>;

/** Runs before the sample stored no customer count; they trained on everyone not held out. */
function isSampled({ rows, validationRows, testRows, customers }: StoredClassifier): boolean {
  return customers != null && (rows ?? 0) + (validationRows ?? 0) + (testRows ?? 0) < customers;
}
