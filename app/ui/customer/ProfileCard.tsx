import { Card, Title } from "@tremor/react";
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import type { CustomerProfile } from "@/lib/db/customerDetail";

/** Amounts get thousands separators; years, counts and flags are shown as they are. */
function show(value: unknown, kind: string): string {
  if (value === null || value === undefined) return "—";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "number" && kind === "number" ? value.toLocaleString("en-US") : String(value);
}

export function ProfileCard({ customer }: { customer: CustomerProfile }) {
  return (
    <Card data-testid="customer-profile">
      <Title>Attributes</Title>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1 text-tremor-default md:grid-cols-3">
        {CUSTOMER_COLUMNS.map((column) => (
          <div key={column.field} className="flex justify-between gap-2 border-b border-tremor-border py-1">
            <dt className="text-tremor-content">{column.header}</dt>
            <dd className="font-medium text-tremor-content-strong">{show(customer[column.field], column.kind)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
