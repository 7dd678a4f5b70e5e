import { Suspense } from "react";
import { Callout, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { boundedFieldErrors } from "@/lib/http/issues";
import { CUSTOMER_QUERY_LABELS, customerQuery, takeFirstValues } from "@/lib/customers/query";
import { getActiveRunView } from "@/lib/db/activeRun";
import { listKnownAttributeNames } from "@/lib/db/customers/attributes";
import { CardSkeleton } from "@/app/ui/CardSkeleton";
import { NoModelYet } from "@/app/ui/NoModelYet";
import { CustomerFilters } from "@/app/ui/customers/CustomerFilters";
import { CustomerTable } from "@/app/ui/customers/CustomerTable";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("viewDashboards");
  const params = takeFirstValues(await searchParams);
  const [run, attributes] = await Promise.all([getActiveRunView(), listKnownAttributeNames()]);
  if (!run) return <NoModelYet title="Customers" />;
  const query = customerQuery.safeParse(params);
  return (
    <div className="space-y-6">
      <div>
        <Title>Customers</Title>
        <Text>Every customer with the active run&apos;s segment, response probability, lifetime value and P(alive).</Text>
      </div>
      <CustomerFilters segments={run.segments} attributes={attributes} values={params} />
      {query.success ? (
        <Suspense key={JSON.stringify(query.data)} fallback={<CardSkeleton />}>
          <CustomerTable run={run} query={query.data} params={params} />
        </Suspense>
      ) : (
        <Callout title="Check the filters" color="amber" data-testid="filter-errors">
          {Object.entries(boundedFieldErrors(query.error)).map(([field, errors]) => (
            // A span, not a <p>: the Callout already wraps its children in a <p>, and a <p> inside one is a hydration error.
            <span key={field} className="block">
              {CUSTOMER_QUERY_LABELS[field] ?? field}: {errors.join(", ")}
            </span>
          ))}
        </Callout>
      )}
    </div>
  );
}
