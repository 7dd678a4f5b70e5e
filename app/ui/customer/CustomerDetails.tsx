import { Callout } from "@tremor/react";
import type { ActiveRunView } from "@/lib/db/activeRun";
import { listCustomerOrders } from "@/lib/db/customers/orders";
import type { CustomerProfile } from "@/lib/db/customers/profiles";
import { listCustomerRunScores } from "@/lib/db/scores/history";
import { readMoneyFormat } from "@/lib/db/settings";
import { explainCustomerResponse } from "@/lib/services/explainCustomer";
import { listRecentOrderLines } from "@/lib/customers/orderLines";
import { env } from "@/lib/env";
import { formatUtc } from "@/app/ui/runs/format";
import { ScoreCards } from "./ScoreCards";
import { ContributionsCard } from "./ContributionsCard";
import { ProfileCard } from "./ProfileCard";
import { RunHistoryCard } from "./RunHistoryCard";
import { OrderLinesCard } from "./OrderLinesCard";

/** Everything on a customer's page below its heading: scores, the response model's reasons, profile, orders, run history. */
export async function CustomerDetails({ customer, run }: { customer: CustomerProfile; run: ActiveRunView | null }) {
  const [scores, orders, moneyFormat] = await Promise.all([
    listCustomerRunScores(customer.id),
    listCustomerOrders(customer.id, customer.externalId),
    readMoneyFormat(),
  ]);
  const current = run ? scores.find((score) => score.runId === run.id) : undefined;
  // A score the model declined (with its reason on the score card) has nothing to explain.
  const explanation = run && current?.responseProbability != null ? await explainCustomerResponse(run.id, customer, orders) : null;
  return (
    <>
      {!run ? (
        <Callout title="Not scored" color="amber" data-testid="not-scored">
          No model trained yet — an analyst can start one on the admin page.
        </Callout>
      ) : !current ? (
        <Callout title="Not scored" color="amber" data-testid="not-scored">
          {run.finishedAt && customer.createdAt > run.finishedAt
            ? `This customer was imported on ${formatUtc(customer.createdAt)}, after the active run #${run.id} finished (${formatUtc(run.finishedAt)}); the next retrain will score them.`
            : `The active run #${run.id} has no score for this customer.`}
        </Callout>
      ) : (
        <>
          <ScoreCards score={current} segments={run.segments} moneyFormat={moneyFormat} />
          <ContributionsCard explanation={explanation} note={current?.responseNote ?? null} />
        </>
      )}
      <ProfileCard customer={customer} moneyFormat={moneyFormat} />
      <OrderLinesCard {...listRecentOrderLines(orders)} moneyFormat={moneyFormat} />
      {scores.length > 0 && <RunHistoryCard scores={scores} activeRunId={run?.id ?? null} retainedRuns={env.SCORE_RETENTION_RUNS} moneyFormat={moneyFormat} />}
    </>
  );
}
