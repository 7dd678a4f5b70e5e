import Link from "next/link";
import { MAX_PAGE } from "@/lib/customers/query";
import { buildQueryString } from "./format";

/** `pages` is null when the total is not known (a filter the run keeps no count for). */
export function Pagination({
  page,
  pages,
  hasNext,
  params,
}: {
  page: number;
  pages: number | null;
  hasNext: boolean;
  params: Record<string, string | undefined>;
}) {
  const link = (to: number, label: string) => (
    <Link href={`/customers${buildQueryString({ ...params, page: to })}`} className="text-tremor-brand underline">
      {label}
    </Link>
  );
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-tremor-default">
      {page > 1 && link(1, "« First")}
      {page > 1 && link(page - 1, "‹ Previous")}
      <p className="text-tremor-content" data-testid="page-of">
        Page {page}
        {pages === null ? "" : ` of ${pages}`}
      </p>
      {hasNext && link(page + 1, "Next ›")}
      {page === MAX_PAGE && <p className="text-tremor-content">Pages stop at {MAX_PAGE}: narrow the filters or change the sort to see further.</p>}
    </nav>
  );
}
