/**
 * Who a total covers, in plain words: "CLV for 7,240 of 7,240 customers: 5,000 from order
 * lines, 2,240 from profile fields" and "40 without: <reason> (40)". Null for a run stored
 * before coverage was recorded, where the page says "retrain to see this".
 */
import type { StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { formatCount, UNSET_MONEY_FORMAT, type MoneyFormat } from "@/lib/text/numberFormat";
import { pluralise } from "@/lib/text/plural";

type ClvCoverage = NonNullable<StoredRunSummary["clvCoverage"]>;
type ResponseCoverage = NonNullable<StoredRunSummary["responseCoverage"]>;

export const RETRAIN_FOR_COVERAGE = "How many customers this covers: retrain to see this.";

const n = (value: number | null) => value ?? 0;

function without(none: number, reasons: { reason: string; count: number | null }[], format: MoneyFormat): string | null {
  if (!none) return null;
  const why = reasons.map((entry) => `${entry.reason} (${formatCount(entry.count, format)})`).join("; ");
  return `${formatCount(none, format)} without${why ? `: ${why}` : ""}`;
}

export function countWithClv(coverage: ClvCoverage): number {
  return n(coverage.orders) + n(coverage.profiles);
}

/** "CLV for N of M customers", the short form the segment cards show. */
export function summariseClvCoverage(coverage: ClvCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string | null {
  return coverage ? `CLV for ${formatCount(countWithClv(coverage), format)} of ${pluralise(coverage.customers, "customer", undefined, format)}` : null;
}

export function describeClvCoverage(coverage: ClvCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string[] | null {
  if (!coverage) return null;
  const sources = [
    coverage.orders ? `${formatCount(coverage.orders, format)} from order lines` : null,
    coverage.profiles ? `${formatCount(coverage.profiles, format)} from profile fields` : null,
  ].filter((part) => part !== null);
  const first = `${summariseClvCoverage(coverage, format)}${sources.length ? `: ${sources.join(", ")}` : ""}`;
  const rest = without(n(coverage.none), coverage.reasons, format);
  return rest ? [first, rest] : [first];
}

export function describeResponseCoverage(coverage: ResponseCoverage | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string[] | null {
  if (!coverage) return null;
  const first = `Response score for ${formatCount(coverage.scored, format)} of ${pluralise(coverage.customers, "customer", undefined, format)}`;
  const rest = without(n(coverage.none), coverage.reasons, format);
  return rest ? [first, rest] : [first];
}
