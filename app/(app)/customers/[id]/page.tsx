import { Suspense } from "react";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { getActiveRunView } from "@/lib/db/activeRun";
import { formatUtc } from "@/app/ui/runs/format";
import { PageSkeleton } from "@/app/ui/PageSkeleton";
import { CustomerDetails } from "@/app/ui/customer/CustomerDetails";
import { findCustomer } from "./findCustomer";

/** /customers/<the customer's own id>; layout.tsx has already answered 404 for an unknown one. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  const [customer, run] = await Promise.all([findCustomer((await params).id), getActiveRunView()]);
  if (!customer) notFound();
  return (
    <div className="space-y-6">
      <Link href="/customers" className="text-tremor-default text-tremor-brand underline">
        ← All customers
      </Link>
      <div>
        <Title>Customer {customer.externalId}</Title>
        <Text>
          Imported {formatUtc(customer.createdAt)}
          {run ? ` · scores from run #${run.id}` : ""}
        </Text>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <CustomerDetails customer={customer} run={run} />
      </Suspense>
    </div>
  );
}
