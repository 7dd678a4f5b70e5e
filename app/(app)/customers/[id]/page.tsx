import { Suspense } from "react";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveRunView } from "@/lib/db/activeRun";
import { getCustomerProfile } from "@/lib/db/customerDetail";
import { decodeExternalId } from "@/lib/customers/href";
import { utc } from "@/app/ui/runs/format";
import { PageSkeleton } from "@/app/ui/PageSkeleton";
import { CustomerDetails } from "@/app/ui/customer/CustomerDetails";

/**
 * /customers/<the customer's own id>. The segment has no loading.tsx on purpose: a loading
 * boundary sends the 200 before the lookup, and notFound() could then no longer answer 404.
 */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  const externalId = decodeExternalId((await params).id);
  const [customer, run] = await Promise.all([externalId === null ? null : getCustomerProfile(externalId), getActiveRunView()]);
  if (!customer) notFound();
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
      <Suspense fallback={<PageSkeleton />}>
        <CustomerDetails customer={customer} run={run} />
      </Suspense>
    </div>
  );
}
