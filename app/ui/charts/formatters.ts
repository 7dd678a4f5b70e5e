/**
 * Value formatters for charts, chosen by name: server components cannot hand functions to
 * the client chart components, so they pass one of these names (and the money format) instead.
 */
import { formatCompactNumber, formatCount, formatFixed, formatMoney, formatPercent, type MoneyFormat } from "@/lib/text/numberFormat";

export const FORMATTERS = {
  number: (value: number, format: MoneyFormat) => formatCount(value, format),
  decimal: (value: number, format: MoneyFormat) => formatFixed(value, 3, format),
  hundredths: (value: number, format: MoneyFormat) => formatFixed(value, 2, format),
  percent: (value: number, format: MoneyFormat) => formatPercent(value, 1, format),
  compact: (value: number, format: MoneyFormat) => formatCompactNumber(value, format),
  money: (value: number, format: MoneyFormat) => formatMoney(value, format),
} satisfies Record<string, (value: number, format: MoneyFormat) => string>;

export type FormatterName = keyof typeof FORMATTERS;
