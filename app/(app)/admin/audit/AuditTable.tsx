import Link from "next/link";
import type { listAudit } from "@/lib/db/audit";
import { describeAction, listDetailFields, describeTarget } from "@/lib/audit/entry";
import { formatUtc } from "@/app/ui/runs/format";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type Entry = Awaited<ReturnType<typeof listAudit>>["entries"][number];

const TARGET_PAGES: Record<string, string> = { run: "/admin/runs/", import: "/admin/import/" };

export function AuditTable({ entries, emailOf }: { entries: Entry[]; emailOf: ReadonlyMap<string, string> }) {
  return (
    <RowsTable
      testId="audit-log"
      header={["When (UTC)", "Who", "Action", "Target", "Details"]}
      rows={entries.map((entry) => ({
        key: entry.id,
        cells: [
          <span key="when" className="whitespace-nowrap">
            {formatUtc(entry.createdAt)}
          </span>,
          entry.user ? <Who key="who" email={entry.user.email} name={entry.user.name} /> : "system",
          <span key="action" title={entry.action}>
            {describeAction(entry.action)}
          </span>,
          <Target key="target" target={entry.target} emailOf={emailOf} />,
          <Details key="details" details={entry.details} />,
        ],
      }))}
    />
  );
}

function Who({ email, name }: { email: string; name: string | null }) {
  return (
    <span className="[overflow-wrap:anywhere]">
      {name && <span className="block">{name}</span>}
      <span className="text-tremor-content">{email}</span>
    </span>
  );
}

function Target({ target, emailOf }: { target: string | null; emailOf: ReadonlyMap<string, string> }) {
  const text = describeTarget(target, emailOf);
  const [kind, id] = (target ?? "").split(":");
  const page = TARGET_PAGES[kind];
  return page && id ? (
    <Link href={page + id} className="text-tremor-brand underline">
      {text}
    </Link>
  ) : (
    <span className="[overflow-wrap:anywhere]">{text}</span>
  );
}

/** Each field on its own line, labelled. */
function Details({ details }: { details: unknown }) {
  const fields = listDetailFields(details);
  if (!fields.length) return <>—</>;
  return (
    <dl className="space-y-0.5 text-tremor-label">
      {fields.map((field) => (
        <div key={field.label}>
          <dt className="inline text-tremor-content">{field.label}: </dt>
          <dd className="inline [overflow-wrap:anywhere]">{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
