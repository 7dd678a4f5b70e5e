import { notFound } from "next/navigation";
import Link from "next/link";
import { Callout, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveRunView } from "@/lib/db/activeRun";
import { getCustomerProfile, listCustomerOrders, listCustomerRunScores } from "@/lib/db/customerDetail";
import { explainCustomerResponse } from "@/lib/services/explainCustomer";
import { utc } from "@/app/ui/runs/format";
import { ProfileCard } from "@/app/ui/customer/ProfileCard";
import { ScoreCards } from "@/app/ui/customer/ScoreCards";
import { ContributionsCard } from "@/app/ui/customer/ContributionsCard";
import { RunHistoryCard } from "@/app/ui/customer/RunHistoryCard";
import { OrderLinesCard } from "@/app/ui/customer/OrderLinesCard";
import { recentOrderLines } from "@/lib/customers/orderLines";

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  const id = Number((await params).id);
  const customer = Number.isSafeInteger(id) && id > 0 ? await getCustomerProfile(id) : null;
  if (!customer) notFound();
  const [run, scores, orders] = await Promise.all([getActiveRunView(), listCustomerRunScores(id), listCustomerOrders(id, customer.externalId)]);
  const current = run ? scores.find((score) => score.runId === run.id) : undefined;
  // A score the model declined (with its reason on the score card) has nothing to explain.
  const explanation = run && current?.responseProbability != null ? await explainCustomerResponse(run.id, customer, orders) : null;
  return (
    <div className="space-y-6">
      <Link href="/customers" className="text-tremor-default text-tremor-brand underline">
        ← All customers
      </Link>
      <div>
        <Title>Customer {customer.externalId}</Title>
        <Text>
          Imported {utc(customer.createdAt)}
          {run ? ` · scores from run #${run.id}` : ""}
        </Text>
      </div>
      {!run ? (
        <Callout title="Not scored" color="amber" data-testid="not-scored">
          No model trained yet — an analyst can start one on the admin page.
        </Callout>
      ) : !current ? (
        <Callout title="Not scored" color="amber" data-testid="not-scored">
          {run.finishedAt && customer.createdAt > run.finishedAt
            ? `This customer was imported on ${utc(customer.createdAt)}, after the active run #${run.id} finished (${utc(run.finishedAt)}); the next retrain will score them.`
            : `The active run #${run.id} has no score for this customer.`}
        </Callout>
      ) : (
        <>
          <ScoreCards score={current} segments={run.segments} />
          <ContributionsCard explanation={explanation} note={current?.responseNote ?? null} />
        </>
      )}
      <ProfileCard customer={customer} />
      <OrderLinesCard {...recentOrderLines(orders)} />
      {scores.length > 0 && <RunHistoryCard scores={scores} activeRunId={run?.id ?? null} />}
    </div>
  );
}
