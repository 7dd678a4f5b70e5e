import Link from "next/link";
import { Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";
import { listCustomerScores } from "@/lib/db/scores/list";
import { scoreFilterOf, scorePageOf } from "@/lib/customers/scoreFilter";
import { isFiltered, MAX_PAGE, PAGE_SIZE, type CustomerQuery, type CustomerSort } from "@/lib/customers/query";
import type { ActiveRunView } from "@/lib/db/activeRun";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { readMoneyFormat } from "@/lib/db/settings";
import { formatCount, formatMoney, formatPercent } from "@/lib/text/numberFormat";
import { buildQueryString } from "./format";
import { Pagination } from "./Pagination";
import { pluralise } from "@/lib/text/plural";
import { CsvExportLink } from "@/app/ui/export/CsvExportLink";
import { buildCustomerHref } from "@/lib/customers/href";

const COLUMNS: { label: string; sort?: CustomerSort }[] = [
  { label: "Customer", sort: "id" },
  { label: "Segment" },
  { label: "Response probability", sort: "response" },
  { label: "CLV 12 months", sort: "clv" },
  { label: "CLV 80% interval" },
  { label: "P(alive)", sort: "alive" },
];

/** What the run already knows: everyone, or one whole segment. Other filters are not counted (a count would scan the run). */
function knownTotal(run: ActiveRunView, query: CustomerQuery): number | null {
  if (!isFiltered(query)) return run.summary?.customers ?? null;
  if (isFiltered({ ...query, segment: undefined })) return null;
  return run.segments.find((segment) => segment.segmentKey === query.segment)?.size ?? 0;
}

/** aria-sort belongs on the column header, not on the link inside it. */
function sortState(sort: CustomerSort | undefined, query: CustomerQuery): "ascending" | "descending" | undefined {
  if (sort === undefined || query.sort !== sort) return undefined;
  return query.dir === "asc" ? "ascending" : "descending";
}

function SortLink({ label, sort, query, params }: { label: string; sort: CustomerSort; query: CustomerQuery; params: Record<string, string | undefined> }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "desc" ? "asc" : active ? "desc" : sort === "id" ? "asc" : "desc";
  const arrow = active ? (query.dir === "asc" ? " ▲" : " ▼") : "";
  return (
    <Link href={`/customers${buildQueryString({ ...params, sort, dir, page: undefined })}`} className="hover:text-tremor-brand">
      {label}
      {arrow}
    </Link>
  );
}

export async function CustomerTable({ run, query, params }: { run: ActiveRunView; query: CustomerQuery; params: Record<string, string | undefined> }) {
  const total = knownTotal(run, query);
  const pages = total === null ? null : Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  // A page past the last one the count knows of shows the last one, as "Page N of N".
  const page = pages === null ? query.page : Math.min(query.page, pages);
  const [{ rows, hasNext }, format] = await Promise.all([listCustomerScores(scoreFilterOf(run.id, query), scorePageOf({ ...query, page })), readMoneyFormat()]);
  const names = new Map(run.segments.map((segment) => [segment.segmentKey, segment]));
  const first = (page - 1) * PAGE_SIZE;
  const summary =
    total === null
      ? rows.length
        ? `Customers ${formatCount(first + 1, format)}–${formatCount(first + rows.length, format)} matching the filters`
        : "No customers match"
      : `${pluralise(total, "customer")}${isFiltered(query) ? " in this segment" : ""}`;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-tremor-default text-tremor-content" data-testid="customer-total">
          {summary} · run #{run.id}
        </p>
        <CsvExportLink
          href={`/api/export/customers${buildQueryString({ ...params, page: undefined })}`}
          label="Export these customers (CSV)"
          excelLabel="Export these customers for Excel (CSV with byte-order mark)"
        />
      </div>
      {rows.length === 0 ? (
        <p className="mt-4 text-tremor-default text-tremor-content" data-testid="no-customers">
          {page > 1 ? `Page ${page} is past the last customer matching these filters.` : "No customer matches these filters."}
        </p>
      ) : (
        <Table className="mt-4" data-testid="customer-table">
          <TableHead>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHeaderCell key={column.label} aria-sort={sortState(column.sort, query)}>
                  {column.sort ? <SortLink label={column.label} sort={column.sort} query={query} params={params} /> : column.label}
                </TableHeaderCell>
              ))}
              {query.attr !== undefined && <TableHeaderCell data-testid="attribute-column">{query.attr}</TableHeaderCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const segment = names.get(row.segmentKey);
              return (
                <TableRow key={row.customerId}>
                  <TableCell>
                    <Link href={buildCustomerHref(row.externalId)} className="text-tremor-brand underline">
                      {row.externalId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <span className="flex items-center gap-2">
                      {segment && <SegmentDot color={segment.color} />}
                      {segment?.name ?? `Segment ${row.segmentKey}`}
                    </span>
                  </TableCell>
                  <TableCell title={row.responseNote ?? undefined}>{formatPercent(row.responseProbability, 1, format)}</TableCell>
                  <TableCell title={row.clvNote ?? undefined}>{formatMoney(row.clv, format)}</TableCell>
                  <TableCell>
                    {formatMoney(row.clvLow, format)} – {formatMoney(row.clvHigh, format)}
                  </TableCell>
                  <TableCell>{formatPercent(row.pAlive, 1, format)}</TableCell>
                  {query.attr !== undefined && <TableCell>{row.attribute ?? "—"}</TableCell>}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pages={pages} hasNext={hasNext && page < MAX_PAGE} params={params} />
    </Card>
  );
}
