/**
 * Value formatters for charts, chosen by name: server components cannot hand functions to
 * the client chart components, so they pass one of these names instead.
 */
export const FORMATTERS = {
  number: (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 0 }),
  decimal: (value: number) => value.toFixed(3),
  hundredths: (value: number) => value.toFixed(2),
  percent: (value: number) => `${(value * 100).toFixed(1)}%`,
  compact: (value: number) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value),
} satisfies Record<string, (value: number) => string>;

export type FormatterName = keyof typeof FORMATTERS;
