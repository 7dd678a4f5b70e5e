/**
 * Who a total covers, in plain words: "CLV for 7,240 of 7,240 customers: 5,000 from order
 * lines, 2,240 from profile fields" and "40 without: <reason> (40)". Null for a run stored
 * before coverage was recorded, where the page says "retrain to see this".
 */
import type { StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { count, UNSET_MONEY_FORMAT, type MoneyFormat } from "@/lib/text/numberFormat";
import { plural } from "@/lib/text/plural";

type ClvCoverage = NonNullable<StoredRunSummary["clvCoverage"]>;
type ResponseCoverage = NonNullable<StoredRunSummary["responseCoverage"]>;

export const RETRAIN_FOR_COVERAGE = "How many customers this covers: retrain to see this.";

const n = (value: number | null) => value ?? 0;

function without(none: number, reasons: { reason: string; count: number | null }[], format: MoneyFormat): string | null {
  if (!none) return null;
  const why = reasons.map((entry) => `${entry.reason} (${count(entry.count, format)})`).join("; ");
  return `${count(none, format)} without${why ? `: ${why}` : ""}`;
}

export function clvWith(coverage: ClvCoverage): number {
  return n(coverage.orders) + n(coverage.profiles);
}

/** "CLV for N of M customers", the short form the segment cards show. */
export function clvCoverageShort(coverage: ClvCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string | null {
  return coverage ? `CLV for ${count(clvWith(coverage), format)} of ${plural(coverage.customers, "customer", undefined, format)}` : null;
}

export function clvCoverageLines(coverage: ClvCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string[] | null {
  if (!coverage) return null;
  const sources = [
    coverage.orders ? `${count(coverage.orders, format)} from order lines` : null,
    coverage.profiles ? `${count(coverage.profiles, format)} from profile fields` : null,
  ].filter((part) => part !== null);
  const first = `${clvCoverageShort(coverage, format)}${sources.length ? `: ${sources.join(", ")}` : ""}`;
  const rest = without(n(coverage.none), coverage.reasons, format);
  return rest ? [first, rest] : [first];
}

export function responseCoverageLines(coverage: ResponseCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string[] | null {
  if (!coverage) return null;
  const first = `Response score for ${count(coverage.scored, format)} of ${plural(coverage.customers, "customer", undefined, format)}`;
  const rest = without(n(coverage.none), coverage.reasons, format);
  return rest ? [first, rest] : [first];
}
