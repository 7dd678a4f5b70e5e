import { Card, Title } from "@tremor/react";
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import type { CustomerProfile } from "@/lib/db/customers/profiles";
import { labelAttribute } from "@/lib/ml/features/labels";
import { formatMoney, type MoneyFormat } from "@/lib/text/numberFormat";

/**
 * The marketing layout's "number" columns are all money (income, spend per category, contact
 * cost and revenue); custom numbers get the locale's grouping; years, counts and flags are shown as they are.
 */
function show(value: unknown, kind: string, format: MoneyFormat): string {
  if (value === null || value === undefined) return "—";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "number") return String(value);
  if (kind === "money") return formatMoney(value, format, { cents: !Number.isInteger(value) });
  return kind === "number" ? value.toLocaleString(format.locale) : String(value);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function ProfileCard({ customer, moneyFormat }: { customer: CustomerProfile; moneyFormat: MoneyFormat }) {
  const custom = Object.entries(customer.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card data-testid="customer-profile">
      <Title>Attributes</Title>
      <Attributes
        entries={CUSTOMER_COLUMNS.map((column) => [
          capitalised(labelAttribute(column.field)),
          show(customer[column.field], column.kind === "number" ? "money" : column.kind, moneyFormat),
        ])}
      />
      {custom.length > 0 && (
        <section data-testid="custom-attributes" className="mt-6">
          <h3 className="text-tremor-default font-semibold text-tremor-content-strong">Custom attributes</h3>
          <Attributes entries={custom.map(([name, value]) => [name, show(value, typeof value === "number" ? "number" : "category", moneyFormat)])} />
        </section>
      )}
    </Card>
  );
}

function Attributes({ entries }: { entries: [string, string][] }) {
  return (
    <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1 text-tremor-default md:grid-cols-3">
      {entries.map(([name, value]) => (
        <div key={name} className="flex justify-between gap-2 border-b border-tremor-border py-1">
          <dt className="text-tremor-content">{name}</dt>
          <dd className="font-medium text-tremor-content-strong">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
