import Link from "next/link";
import type { listAudit } from "@/lib/db/audit";
import { utc } from "@/app/ui/runs/format";
import { RowsTable } from "@/app/ui/runs/RowsTable";

type Entry = Awaited<ReturnType<typeof listAudit>>[number];

const TARGET_PAGES: Record<string, string> = { run: "/admin/runs/", import: "/admin/import/" };

export function AuditTable({ entries }: { entries: Entry[] }) {
  return (
    <RowsTable
      testId="audit-log"
      header={["When (UTC)", "Who", "Action", "Target", "Details"]}
      rows={entries.map((entry) => ({
        key: entry.id,
        cells: [
          <span key="when" className="whitespace-nowrap">
            {utc(entry.createdAt)}
          </span>,
          entry.user?.email ?? "system",
          entry.action,
          <Target key="target" target={entry.target} />,
          <Details key="details" details={entry.details} />,
        ],
      }))}
    />
  );
}

function Target({ target }: { target: string | null }) {
  if (!target) return <>—</>;
  const [kind, id] = target.split(":");
  const page = TARGET_PAGES[kind];
  return page && id ? (
    <Link href={page + id} className="text-tremor-brand underline">
      {target}
    </Link>
  ) : (
    <>{target}</>
  );
}

const show = (value: unknown): string =>
  typeof value === "string" ? value : Array.isArray(value) && value.every((item) => typeof item === "string") ? value.join("; ") : JSON.stringify(value);

/** Top-level fields as "key: value"; lists of sentences joined, anything else as compact JSON. */
function Details({ details }: { details: unknown }) {
  if (details === null || typeof details !== "object") return <>{details === null ? "—" : String(details)}</>;
  return (
    <span className="font-mono text-tremor-label">
      {Object.entries(details as Record<string, unknown>)
        .map(([key, value]) => `${key}: ${show(value)}`)
        .join(" · ")}
    </span>
  );
}
