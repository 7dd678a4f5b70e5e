import { formatCount, UNSET_MONEY_FORMAT, type MoneyFormat } from "./numberFormat";

/** Counts in words, for every page, report and persona: "1 customer", "2,240 customers" (in the chosen locale); "— customers" when unknown. */
export function pluralise(value: number | null | undefined, singular: string, pluralForm = `${singular}s`, format: MoneyFormat = UNSET_MONEY_FORMAT): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return `— ${pluralForm}`;
  return `${formatCount(value, format)} ${value === 1 ? singular : pluralForm}`;
}
