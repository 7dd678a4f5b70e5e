/** Numbers as a marketing manager reads them: 72,400 · 62% · 48 days · 2.3. */
import type { FeatureUnit } from "./vocabulary";

export const formatWhole = (value: number): string => {
  const rounded = Math.round(value);
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return rounded < 0 ? `-${digits}` : digits;
};

/** Counts and unnamed features: one decimal below 10, whole numbers above. */
const plain = (value: number): string => (Math.abs(value) < 9.95 ? (Math.round(value * 10) / 10).toFixed(1) : formatWhole(value));

export function formatValue(value: number, unit: FeatureUnit): string {
  switch (unit) {
    case "money":
      return formatWhole(value);
    case "share":
    case "probability":
      return `${Math.round(value * 100)}%`;
    case "days":
      return `${formatWhole(value)} days`;
    case "years":
      return `${Math.round(value)} years`;
    default:
      return plain(value);
  }
}

/** "a", "a and b", "a, b and c". */
export function joinAsList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
