/**
 * Value formatters for charts, chosen by name: server components cannot hand functions to
 * the client chart components, so they pass one of these names (and the money format) instead.
 */
import { compactNumber, count, fixed, money, percent, type MoneyFormat } from "@/lib/text/numberFormat";

export const FORMATTERS = {
  number: (value: number, format: MoneyFormat) => count(value, format),
  decimal: (value: number, format: MoneyFormat) => fixed(value, 3, format),
  hundredths: (value: number, format: MoneyFormat) => fixed(value, 2, format),
  percent: (value: number, format: MoneyFormat) => percent(value, 1, format),
  compact: (value: number, format: MoneyFormat) => compactNumber(value, format),
  money: (value: number, format: MoneyFormat) => money(value, format),
} satisfies Record<string, (value: number, format: MoneyFormat) => string>;

export type FormatterName = keyof typeof FORMATTERS;
